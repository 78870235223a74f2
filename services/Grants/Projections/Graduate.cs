namespace Platform.Grants.Projections;

/// <summary>A graduate of the Young Professionals Program, known from Youth's <c>ParticipantGraduated</c>: may apply to graduate calls.</summary>
public sealed class Graduate
{
    private Graduate() { }

    public Guid ParticipantId { get; private set; }

    public Guid CohortId { get; private set; }

    /// <summary>The graduate's home municipality: where they may apply for.</summary>
    public string Municipality { get; private set; } = "";

    public DateOnly GraduatedOn { get; private set; }

    public static Graduate From(Platform.Contracts.Youth.ParticipantGraduated e) =>
        new() { ParticipantId = e.ParticipantId, CohortId = e.CohortId, Municipality = e.Municipality, GraduatedOn = e.GraduatedOn };
}
