namespace Platform.Contracts.Grants;

/// <summary>Who a call for proposals is for.</summary>
public enum TargetGroup
{
    Cso,
    SocialServiceProvider,
    ProgrammeGraduate,
}
