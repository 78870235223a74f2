namespace Platform.Partnerships.Awards;

/// <summary>A grant award known from Grants' <c>GrantAwarded</c>: what a pilot initiative financed by a grant links to.</summary>
public sealed class GrantAward
{
    private GrantAward() { }

    public Guid AwardId { get; private set; }

    public Guid? OrganizationId { get; private set; }

    public string Municipality { get; private set; } = "";

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "";

    public static GrantAward From(Platform.Contracts.Grants.GrantAwarded e) =>
        new() { AwardId = e.AwardId, OrganizationId = e.OrganizationId, Municipality = e.Municipality, Amount = e.Amount, Currency = e.Currency };
}
