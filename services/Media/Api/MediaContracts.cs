using Platform.Media.Campaigns;
using Platform.Media.Outputs;
using Platform.Media.Visibility;
using Platform.ServiceDefaults.Organizations;

namespace Platform.Media.Api;

public sealed record CampaignRequest(
    Dictionary<string, string?>? Title,
    Dictionary<string, string?>? Objective,
    List<string?>? Audiences,
    List<string?>? Languages,
    List<string?>? Channels,
    List<string?>? Municipalities,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    Dictionary<string, long>? TargetReachByChannel,
    Dictionary<string, long>? TargetReachByLanguage)
{
    public CampaignDetails Details() =>
        new(Title, Objective, Audiences, Languages, Channels, Municipalities, StartsOn, EndsOn, TargetReachByChannel, TargetReachByLanguage);
}

/// <summary>A campaign, with the reach its published outputs measured so far (final once closed).</summary>
public sealed record CampaignResponse(
    Guid Id,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string> Objective,
    IReadOnlyList<string> Audiences,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> Municipalities,
    DateOnly StartsOn,
    DateOnly EndsOn,
    IReadOnlyDictionary<string, long> TargetReachByChannel,
    IReadOnlyDictionary<string, long> TargetReachByLanguage,
    long TargetReach,
    CampaignStatus Status,
    DateTimeOffset? StartedAt,
    DateOnly? ClosedOn,
    ReachTotals Reach)
{
    public static CampaignResponse From(Campaign c, ReachTotals reach) =>
        new(c.Id, c.Title.Values, c.Objective.Values, c.Audiences, c.Languages, c.Channels, c.Municipalities, c.StartsOn, c.EndsOn,
            c.TargetReachByChannel, c.TargetReachByLanguage, c.TargetReach, c.Status, c.StartedAt, c.ClosedOn, c.ClosingReach ?? reach);
}

public sealed record CampaignQuery(string? Status, string? Municipality, string? Audience, int? Page, int? PageSize);

public sealed record OutputRequest(
    OutputType? Type, string? Title, string? Language, string? Channel, string? Municipality, DateOnly? Date, string? Link,
    Guid? CampaignId, Guid? OutletId, string? OwnChannel)
{
    public OutputDetails Details() => new(Type, Title, Language, Channel, Municipality, Date, Link, CampaignId, OutletId, OwnChannel);
}

public sealed record ChecklistRequest(
    bool? EuEmblemPresent,
    bool? FundingStatementPresent,
    string? FundingStatementText,
    bool? EmblemAndStatementTogether,
    bool? DisclaimerPresent,
    bool? PartnerLogosNotMoreProminent,
    string? Notes)
{
    public Checklist Checklist() => new(EuEmblemPresent, FundingStatementPresent, FundingStatementText, EmblemAndStatementTogether, DisclaimerPresent, PartnerLogosNotMoreProminent, Notes);
}

public sealed record ReachRequest(string? Metric, long? Value, DateOnly? MeasuredOn, string? Source);

public sealed record OutletResponse(Guid? OrganizationId, IReadOnlyDictionary<string, string>? Name, string? OwnChannel)
{
    public static OutletResponse Of(MediaOutput o, IReadOnlyDictionary<Guid, OrganizationReplica> outlets) =>
        new(o.OutletId, o.OutletId is { } id && outlets.TryGetValue(id, out var outlet) ? outlet.Name.Values : null, o.OwnChannel);
}

public sealed record CheckResponse(
    Guid Id, int Number, string CheckedBy, DateTimeOffset CheckedAt, bool EuEmblemPresent, bool FundingStatementPresent, string? FundingStatementText,
    bool EmblemAndStatementTogether, bool? DisclaimerPresent, bool PartnerLogosNotMoreProminent, string? Notes, bool Compliant, IReadOnlyList<FailedPoint> Failed)
{
    public static CheckResponse From(VisibilityCheck c) =>
        new(c.Id, c.Number, c.CheckedBy, c.CheckedAt, c.EuEmblemPresent, c.FundingStatementPresent, c.FundingStatementText,
            c.EmblemAndStatementTogether, c.DisclaimerPresent, c.PartnerLogosNotMoreProminent, c.Notes, c.Compliant, c.Failed);
}

public sealed record MeasurementResponse(Guid Id, string Metric, long Value, DateOnly MeasuredOn, string Source, DateTimeOffset RecordedAt)
{
    public static MeasurementResponse From(ReachMeasurement m) => new(m.Id, m.Metric, m.Value, m.MeasuredOn, m.Source, m.RecordedAt);
}

/// <summary>An output for the programme's teams: its checks and measurements with their history.</summary>
public sealed record OutputResponse(
    Guid Id, OutputType Type, string Title, string Language, string Channel, string Municipality, DateOnly Date, string Link,
    Guid? CampaignId, OutletResponse Outlet, OutputStatus Status, string FundingStatement,
    bool? CompliantAtFirstCheck, IReadOnlyList<CheckResponse> Checks,
    long Reach, IReadOnlyList<MeasurementResponse> LatestReach, IReadOnlyList<MeasurementResponse> Measurements,
    string? ApprovedBy, DateTimeOffset? ApprovedAt, DateTimeOffset? PublishedAt)
{
    public static OutputResponse From(MediaOutput o, IReadOnlyDictionary<Guid, OrganizationReplica> outlets) =>
        new(o.Id, o.Type, o.Title, o.Language, o.Channel, o.Municipality, o.Date, o.Link, o.CampaignId, OutletResponse.Of(o, outlets), o.Status,
            Visibility.FundingStatement.In(o.Language), o.CompliantAtFirstCheck,
            [.. o.Checks.OrderBy(c => c.Number).Select(CheckResponse.From)],
            o.Reach, [.. o.LatestReach.Select(MeasurementResponse.From)],
            [.. o.Measurements.OrderBy(m => m.MeasuredOn).ThenBy(m => m.RecordedAt).Select(MeasurementResponse.From)],
            o.ApprovedBy, o.ApprovedAt, o.PublishedAt);
}

/// <summary>An output whose latest check failed, with what is missing.</summary>
public sealed record NonCompliantOutputResponse(Guid Id, OutputType Type, string Title, string Language, Guid? CampaignId, int Checks, DateTimeOffset CheckedAt, IReadOnlyList<FailedPoint> Missing);

public sealed record OutputQuery(string? Status, string? Municipality, Guid? CampaignId, string? Type, string? Language, int? Page, int? PageSize);

/// <summary>A published output as the public sees it: no checks, no who-did-what.</summary>
public sealed record PublishedOutputResponse(
    Guid Id, OutputType Type, string Title, string Language, string Channel, string Municipality, DateOnly Date, string Link,
    Guid? CampaignId, OutletResponse Outlet, string FundingStatement, DateTimeOffset PublishedAt)
{
    public static PublishedOutputResponse From(MediaOutput o, IReadOnlyDictionary<Guid, OrganizationReplica> outlets) =>
        new(o.Id, o.Type, o.Title, o.Language, o.Channel, o.Municipality, o.Date, o.Link, o.CampaignId, OutletResponse.Of(o, outlets),
            Visibility.FundingStatement.In(o.Language), o.PublishedAt!.Value);
}

public sealed record PublishedOutputQuery(string? Municipality, string? Type, string? Language, Guid? CampaignId, int? Page, int? PageSize);

public sealed record TrainingRequest(Guid? OutletId, DateOnly? HeldOn, string? Topic, int? JournalistsTrained);

public sealed record TrainingResponse(Guid Id, Guid OutletId, DateOnly HeldOn, string Topic, int JournalistsTrained)
{
    public static TrainingResponse From(JournalistTraining t) => new(t.Id, t.OutletId, t.HeldOn, t.Topic, t.JournalistsTrained);
}

public sealed record PartnershipRequest(Guid? OutletId, DateOnly? StartsOn, DateOnly? EndsOn, string? Scope);

public sealed record PartnershipResponse(Guid Id, Guid OutletId, DateOnly StartsOn, DateOnly? EndsOn, string Scope)
{
    public static PartnershipResponse From(MediaPartnership p) => new(p.Id, p.OutletId, p.StartsOn, p.EndsOn, p.Scope);
}

public sealed record FundingStatementResponse(IReadOnlyDictionary<string, string> Texts, IReadOnlyList<string> Points);
