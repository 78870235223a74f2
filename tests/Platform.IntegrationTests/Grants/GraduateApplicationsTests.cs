using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Grants.GrantsFixture;

namespace Platform.IntegrationTests.Grants;

/// <summary>Graduates of the Young Professionals Program, known from Youth's <c>ParticipantGraduated</c>, apply to graduate calls.</summary>
[Collection(GrantsCollection.Name)]
public sealed class GraduateApplicationsTests(GrantsFixture grants)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_graduate_applies_to_a_graduate_call_and_someone_who_did_not_graduate_is_recorded_ineligible()
    {
        var callId = await grants.OpenCallAsync(CallBody(targetGroup: "ProgrammeGraduate", municipalities: ["SJ-AKHALTSIKHE"], minimumAward: 1_000m, maximumAward: 5_000m));
        var graduate = await grants.GraduateParticipantAsync("SJ-AKHALTSIKHE");
        using var graduateClient = await grants.GraduateAsync(graduate);

        var submitted = await grants.ApplyAsync(graduateClient, callId, requested: 4_000m, coFunding: 500m, municipality: "SJ-AKHALTSIKHE");
        Assert.True(submitted.GetProperty("eligible").GetBoolean(), submitted.ToString());
        Assert.Equal(graduate, submitted.GetProperty("participantId").GetGuid());
        Assert.Equal(JsonValueKindNull, submitted.GetProperty("organizationId").ValueKind);

        using var notGraduated = await grants.GraduateAsync(Guid.CreateVersion7());
        var refused = await grants.ApplyAsync(notGraduated, callId, requested: 4_000m, coFunding: 500m, municipality: "SJ-AKHALTSIKHE");
        Assert.False(refused.GetProperty("eligible").GetBoolean());
        Assert.Equal("not-a-graduate", refused.GetProperty("eligibilityFailures")[0].GetProperty("code").GetString());

        // A graduate sees only their own application.
        Assert.Equal(HttpStatusCode.NotFound, (await notGraduated.GetAsync($"/api/grants/applications/{submitted.GetProperty("id").GetGuid()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_token_server_puts_participant_id_in_a_graduate_applicant_s_tokens_and_refuses_an_applicant_with_both_ids()
    {
        var participantId = Guid.CreateVersion7();
        var credentials = await grants.Tokens.NewApplicantAsync(participantId: participantId);
        var claims = Jwts.Payload((await grants.Tokens.ClientCredentialsAsync(credentials)).AccessToken);
        Assert.Equal(participantId.ToString(), claims[PlatformClaims.ParticipantId]!.GetValue<string>());
        Assert.False(claims.ContainsKey(PlatformClaims.OrganizationId));
        Assert.Contains(PlatformRoles.Applicant, claims[PlatformClaims.Role]!.ToJsonString(), StringComparison.Ordinal);

        using var identity = grants.App.Identity.App.CreateBrowser();
        var admin = await grants.Tokens.AccessTokenAsync(PlatformRoles.ProgrammeAdmin);
        identity.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        await AssertFieldErrorAsync(await identity.PostAsJsonAsync("/api/identity/clients",
            new { clientId = "it-both-ids", roles = new[] { "applicant" }, organizationId = Guid.NewGuid(), participantId = Guid.NewGuid() }, Ct), "participantId");
        await AssertFieldErrorAsync(await identity.PostAsJsonAsync("/api/identity/clients",
            new { clientId = "it-evaluator-graduate", roles = new[] { "evaluator" }, participantId = Guid.NewGuid() }, Ct), "participantId");
        await AssertFieldErrorAsync(await identity.PostAsJsonAsync("/api/identity/users",
            new { email = "both@platform.test", displayName = "Both", role = "applicant", organizationId = Guid.NewGuid(), participantId = Guid.NewGuid() }, Ct), "participantId");
        await AssertFieldErrorAsync(await identity.PostAsJsonAsync("/api/identity/users",
            new { email = "none@platform.test", displayName = "None", role = "applicant" }, Ct), "organizationId");

        var person = await ReadJsonAsync(await identity.PostAsJsonAsync("/api/identity/users",
            new { email = $"graduate-{participantId:N}@platform.test", displayName = "A graduate", role = "applicant", participantId }, Ct), HttpStatusCode.Created);
        Assert.Equal(participantId, person.GetProperty("participantId").GetGuid());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
