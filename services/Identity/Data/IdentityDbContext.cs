using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using Platform.Identity.Keys;
using Platform.Identity.Tokens;
using Platform.Identity.Users;
using Platform.ServiceDefaults.Audit;

namespace Platform.Identity.Data;

/// <summary>
/// The identity database: people (ASP.NET Core Identity, users only: a person's one role is a column), the
/// OpenIddict applications, authorizations, scopes and tokens, the server's keys, and the shared outbox and inbox.
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options)
    : IdentityUserContext<PlatformUser, Guid>(options), IOutboxDbContext
{
    public DbSet<ServerKey> ServerKeys => Set<ServerKey>();

    public DbSet<Revocation> Revocations => Set<Revocation>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<PlatformUser>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.DisplayName).HasMaxLength(PlatformUser.DisplayNameMaxLength);
            user.Property(u => u.Role).HasMaxLength(50);
            user.HasIndex(u => u.Role);
            user.HasIndex(u => u.CreatedAt);
            user.Ignore(u => u.Membership);
            user.Ignore(u => u.IsActive);
        });
        modelBuilder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        modelBuilder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        modelBuilder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");

        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("openiddict_applications");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("openiddict_authorizations");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("openiddict_scopes");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("openiddict_tokens");

        modelBuilder.Entity<ServerKey>(key =>
        {
            key.ToTable("signing_keys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Id).HasMaxLength(64);
            key.Property(k => k.Use).HasMaxLength(8);
        });

        modelBuilder.Entity<Revocation>(revocation =>
        {
            revocation.ToTable("revocations");
            revocation.HasKey(r => r.Id);
            revocation.Property(r => r.Kind).HasMaxLength(16);
            revocation.Property(r => r.Hash).HasMaxLength(64);
            // The list is read by expiry every few seconds by every validator: at rest, an empty index range.
            revocation.HasIndex(r => r.ExpiresAt);
        });

        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditTrail();
    }
}
