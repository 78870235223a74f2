using Platform.ServiceDefaults.Organizations;

namespace Platform.UnitTests.Organizations;

public sealed class OrganizationReplicaTests
{
    private static readonly Guid Id = Guid.CreateVersion7();
    private static readonly DateTimeOffset T1 = new(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string> Name(string en) => new() { ["en"] = en };

    [Fact]
    public void A_replica_starts_from_the_event_it_was_made_from()
    {
        var replica = OrganizationReplica.From(Id, Name(" Bolnisi CSO "), OrganizationType.Cso, Municipality.Bolnisi, 1, T1);

        Assert.Equal(Id, replica.Id);
        Assert.Equal("Bolnisi CSO", replica.Name.Values["en"]);
        Assert.Equal(OrganizationType.Cso, replica.Type);
        Assert.Equal(Municipality.Bolnisi, replica.Municipality);
        Assert.Equal(1, replica.Version);
        Assert.Equal(T1, replica.UpdatedAt);
    }

    [Fact]
    public void A_newer_version_is_applied()
    {
        var replica = OrganizationReplica.From(Id, Name("Bolnisi CSO"), OrganizationType.Cso, Municipality.Bolnisi, 1, T1);

        var changed = replica.Apply(Name("Bolnisi Civic Union"), OrganizationType.MediaOutlet, Municipality.Gardabani, 3, T1.AddHours(1));

        Assert.True(changed);
        Assert.Equal("Bolnisi Civic Union", replica.Name.Values["en"]);
        Assert.Equal(OrganizationType.MediaOutlet, replica.Type);
        Assert.Equal(Municipality.Gardabani, replica.Municipality);
        Assert.Equal(3, replica.Version);
        Assert.Equal(T1.AddHours(1), replica.UpdatedAt);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void An_older_or_equal_version_arriving_late_is_ignored(int lateVersion)
    {
        var replica = OrganizationReplica.From(Id, Name("Newest name"), OrganizationType.SocialServiceProvider, Municipality.Ninotsminda, 2, T1.AddHours(2));

        var changed = replica.Apply(Name("Stale name"), OrganizationType.Cso, Municipality.Tsalka, lateVersion, T1.AddHours(5));

        Assert.False(changed);
        Assert.Equal("Newest name", replica.Name.Values["en"]);
        Assert.Equal(OrganizationType.SocialServiceProvider, replica.Type);
        Assert.Equal(Municipality.Ninotsminda, replica.Municipality);
        Assert.Equal(2, replica.Version);
        Assert.Equal(T1.AddHours(2), replica.UpdatedAt);
    }

    [Fact]
    public void Out_of_order_delivery_ends_at_the_newest_version()
    {
        var replica = OrganizationReplica.From(Id, Name("v1"), OrganizationType.Cso, Municipality.Marneuli, 1, T1);

        Assert.True(replica.Apply(Name("v4"), OrganizationType.Cso, Municipality.Marneuli, 4, T1.AddMinutes(4)));
        Assert.False(replica.Apply(Name("v2"), OrganizationType.Cso, Municipality.Marneuli, 2, T1.AddMinutes(2)));
        Assert.False(replica.Apply(Name("v3"), OrganizationType.Cso, Municipality.Marneuli, 3, T1.AddMinutes(3)));

        Assert.Equal("v4", replica.Name.Values["en"]);
        Assert.Equal(4, replica.Version);
    }
}
