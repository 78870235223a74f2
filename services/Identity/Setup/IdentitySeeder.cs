using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Platform.Identity.Data;
using Platform.Identity.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Setup;

/// <summary>
/// At every start, after the migrations: the first programme-admin (only while there is none, so a later
/// start never resets a password), and the <c>platform-web</c> client people sign in with, its redirect URIs
/// kept in line with the configuration. Several instances starting at once take turns (advisory lock).
/// </summary>
internal sealed partial class IdentitySeeder(
    IServiceScopeFactory scopes, TokenServerSettings settings, TimeProvider clock, ILogger<IdentitySeeder> logger) : IHostedService
{
    private const long SeedLock = 0x1D_E471_5EED;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedLock})", ct);
            await SeedAdminAsync(db, users, ct);
            await SeedWebClientAsync(applications, ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAdminAsync(IdentityDbContext db, UserManager<PlatformUser> users, CancellationToken ct)
    {
        if (await db.Users.AnyAsync(u => u.Role == PlatformRoles.ProgrammeAdmin, ct))
        {
            return;
        }

        var admin = settings.Admin;
        if (string.IsNullOrEmpty(admin.Password))
        {
            LogNoAdmin();
            return;
        }

        var errors = new ValidationErrors();
        var user = PlatformUser.Create(admin.Email, admin.DisplayName, PlatformRoles.ProgrammeAdmin, null, mustChangePassword: false, clock.GetUtcNow(), errors);
        if (user is null)
        {
            throw new InvalidOperationException($"Identity:Admin is not valid: {string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        }

        var result = await users.CreateAsync(user, admin.Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The first programme-admin could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        LogAdminCreated(user.Email!);
    }

    private async Task SeedWebClientAsync(IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = TokenServerSettings.WebClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Platform (people's sign-in)",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Email,
                Permissions.Scopes.Roles,
                Permissions.Prefixes.Scope + PlatformClaims.ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in settings.WebClient.RedirectUrisOrDefault)
        {
            descriptor.RedirectUris.Add(uri);
        }

        foreach (var uri in settings.WebClient.PostLogoutRedirectUrisOrDefault)
        {
            descriptor.PostLogoutRedirectUris.Add(uri);
        }

        if (await applications.FindByClientIdAsync(descriptor.ClientId, ct) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, ct);
        }
        else
        {
            await applications.CreateAsync(descriptor, ct);
            LogWebClientCreated(descriptor.ClientId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No programme-admin exists and Identity:Admin:Password is not set: nobody can administer users until it is")]
    private partial void LogNoAdmin();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first programme-admin {Email} from Identity:Admin")]
    private partial void LogAdminCreated(string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered the {ClientId} client")]
    private partial void LogWebClientCreated(string clientId);
}
