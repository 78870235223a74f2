using System.Text.Json;
using Platform.Capacity.Organizations;
using Platform.ServiceDefaults.Messaging;
using static Platform.UnitTests.Capacity.OrganizationRequests;

namespace Platform.UnitTests.Capacity;

public sealed class OrganizationTests
{
    private static readonly DateTimeOffset RegisteredAt = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = RegisteredAt.AddDays(5);

    private static OrganizationDetails Details(Platform.Capacity.Api.OrganizationRequest request) =>
        Check(request).Details ?? throw new InvalidOperationException("The test request should be valid.");

    [Fact]
    public void Registering_gives_version_1_and_an_event_describing_the_organisation()
    {
        var (organization, registered) = Organization.Register(Details(Valid()), RegisteredAt);

        Assert.NotEqual(Guid.Empty, organization.Id);
        Assert.Equal(1, organization.Version);
        Assert.Equal(RegisteredAt, organization.RegisteredAt);
        Assert.Equal(RegisteredAt, organization.UpdatedAt);
        Assert.Equal("office@mwu.example.ge", organization.Email);

        Assert.Equal(organization.Id, registered.OrganizationId);
        Assert.Equal(1, registered.Version);
        Assert.Equal(OrganizationType.Cso, registered.Type);
        Assert.Equal(Municipality.Marneuli, registered.Municipality);
        Assert.Equal(
            new Dictionary<string, string> { ["en"] = "Marneuli Women's Union", ["ka"] = "მარნეულის ქალთა კავშირი" },
            registered.Name);
        Assert.Equal(RegisteredAt, registered.OccurredAt);
        Assert.NotEqual(Guid.Empty, registered.EventId);
    }

    [Fact]
    public void Two_registrations_get_different_ids()
    {
        var (first, firstEvent) = Organization.Register(Details(Valid()), RegisteredAt);
        var (second, secondEvent) = Organization.Register(Details(Valid()), RegisteredAt);

        Assert.NotEqual(first.Id, second.Id);
        Assert.NotEqual(firstEvent.EventId, secondEvent.EventId);
    }

    [Fact]
    public void The_registration_event_carries_no_contact_details()
    {
        var (_, registered) = Organization.Register(Details(Valid()), RegisteredAt);

        var json = JsonSerializer.Serialize(registered, IntegrationEventSerializer.Options);

        Assert.DoesNotContain("office@mwu.example.ge", json, StringComparison.Ordinal);
        Assert.DoesNotContain("22-33-44", json, StringComparison.Ordinal);
        Assert.DoesNotContain("mwu.example.ge", json, StringComparison.Ordinal);
        Assert.DoesNotContain("404123456", json, StringComparison.Ordinal);
        Assert.DoesNotContain("rural Kvemo Kartli", json, StringComparison.Ordinal);
        var names = typeof(OrganizationRegistered).GetProperties().Select(p => p.Name);
        Assert.Empty(names.Intersect(["Email", "Phone", "Website", "RegistrationNumber", "Description", "Contact", "Contacts"]));
    }

    [Fact]
    public void A_real_change_bumps_the_version_and_returns_the_update_event()
    {
        var (organization, _) = Organization.Register(Details(Valid()), RegisteredAt);

        var updated = organization.Update(Details(Valid() with { Municipality = Municipality.Akhaltsikhe, Type = OrganizationType.SocialServiceProvider }), Later);

        Assert.NotNull(updated);
        Assert.Equal(2, organization.Version);
        Assert.Equal(Municipality.Akhaltsikhe, organization.Municipality);
        Assert.Equal(Later, organization.UpdatedAt);
        Assert.Equal(RegisteredAt, organization.RegisteredAt);
        Assert.Equal(organization.Id, updated.OrganizationId);
        Assert.Equal(2, updated.Version);
        Assert.Equal(Municipality.Akhaltsikhe, updated.Municipality);
        Assert.Equal(OrganizationType.SocialServiceProvider, updated.Type);
        Assert.Equal(Later, updated.OccurredAt);
    }

    [Fact]
    public void Each_further_change_bumps_the_version_again()
    {
        var (organization, _) = Organization.Register(Details(Valid()), RegisteredAt);

        var second = organization.Update(Details(Valid() with { Name = new() { ["en"] = "Marneuli Women's Union (MWU)" } }), Later);
        var third = organization.Update(Details(Valid() with { Name = new() { ["en"] = "MWU" } }), Later.AddDays(1));

        Assert.Equal(2, second?.Version);
        Assert.Equal(3, third?.Version);
        Assert.Equal(new Dictionary<string, string> { ["en"] = "MWU" }, third?.Name);
        Assert.Equal(3, organization.Version);
    }

    public static TheoryData<string> ContactChanges => ["email", "phone", "website", "registrationNumber", "description", "languages"];

    [Theory]
    [MemberData(nameof(ContactChanges))]
    public void A_change_of_any_field_counts_as_a_change(string field)
    {
        var (organization, _) = Organization.Register(Details(Valid()), RegisteredAt);
        var valid = Valid();
        var changed = field switch
        {
            "email" => valid with { Email = "director@mwu.example.ge" },
            "phone" => valid with { Phone = null },
            "website" => valid with { Website = "https://mwu.example.org" },
            "registrationNumber" => valid with { RegistrationNumber = "404123457" },
            "description" => valid with { Description = new() { ["en"] = "Supports women and girls." } },
            "languages" => valid with { Languages = ["ka", "az", "hy"] },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        var updated = organization.Update(Details(changed), Later);

        Assert.NotNull(updated);
        Assert.Equal(2, organization.Version);
    }

    [Fact]
    public void An_identical_update_changes_nothing_and_returns_no_event()
    {
        var (organization, _) = Organization.Register(Details(Valid()), RegisteredAt);
        // The same content as a client would send it again: other key order, other language order, extra spaces.
        var same = Valid() with
        {
            Name = new() { ["ka"] = "მარნეულის ქალთა კავშირი", ["en"] = " Marneuli Women's Union " },
            Languages = ["az", "ka", "az"],
            Email = " office@mwu.example.ge",
        };

        var updated = organization.Update(Details(same), Later);

        Assert.Null(updated);
        Assert.Equal(1, organization.Version);
        Assert.Equal(RegisteredAt, organization.UpdatedAt);
    }

    [Fact]
    public void An_update_after_a_change_back_is_a_change_again()
    {
        var (organization, _) = Organization.Register(Details(Valid()), RegisteredAt);
        organization.Update(Details(Valid() with { Email = null }), Later);

        var back = organization.Update(Details(Valid()), Later.AddHours(1));

        Assert.NotNull(back);
        Assert.Equal(3, organization.Version);
        Assert.Equal("office@mwu.example.ge", organization.Email);
    }
}
