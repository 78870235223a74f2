using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Identity.Data;
using Platform.Identity.Registry;
using Platform.Identity.Tokens;
using Platform.Identity.Users;

namespace Platform.Identity.Api;

/// <summary>The programme admin creates people, reads them, moves them between roles, deactivates and reactivates them.</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/users").WithTags("Users").RequireAuthorization(PlatformPolicies.ProgrammeAdmin);

        api.MapPost("/", CreateUser).WithName("CreateUser").WithSummary("Create a person with one role (and an organisation for an applicant)");
        api.MapGet("/{id:guid}", GetUser).WithName("GetUser").WithSummary("A person by id");
        api.MapGet("/", ListUsers).WithName("ListUsers").WithSummary("People, paged, by role");
        api.MapPut("/{id:guid}/role", ChangeRole).WithName("ChangeUserRole").WithSummary("Move a person to another role");
        api.MapPost("/{id:guid}/deactivate", Deactivate).WithName("DeactivateUser")
            .WithSummary("Off-board a person: sign-in refused, refresh tokens revoked, access tokens refused everywhere within seconds");
        api.MapPost("/{id:guid}/reactivate", Reactivate).WithName("ReactivateUser")
            .WithSummary("Let a deactivated person sign in again (tokens from before stay revoked)");
        return api;
    }

    public static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateUser(
        CreateUserRequest request, UserManager<PlatformUser> users, OrganizationRegistry registry, HttpContext context, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        var generated = string.IsNullOrEmpty(request.Password);
        var user = PlatformUser.Create(request.Email, request.DisplayName, request.Role, request.OrganizationId, generated, clock.GetUtcNow(), errors, request.ParticipantId);
        var password = generated ? OneTimePassword.Generate() : request.Password!;
        if (user is not null && !generated)
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, password);
                foreach (var error in result.Errors)
                {
                    errors.Add("password", error.Description);
                }
            }
        }

        if (user is null || errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (await registry.CheckAsync(user.OrganizationId, context, errors) is ProblemHttpResult unavailable)
        {
            return unavailable;
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (await users.FindByEmailAsync(user.Email!) is not null)
        {
            return DuplicateEmail(user.Email!);
        }

        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, password);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return DuplicateEmail(user.Email!);
        }

        if (!created.Succeeded)
        {
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                return DuplicateEmail(user.Email!);
            }

            foreach (var error in created.Errors)
            {
                errors.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email", error.Description);
            }

            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        return TypedResults.Created($"/api/identity/users/{user.Id}", UserResponse.From(user, generated ? password : null));
    }

    public static async Task<Results<Ok<UserResponse>, NotFound>> GetUser(Guid id, IdentityDbContext db, CancellationToken ct) =>
        await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) is { } user
            ? TypedResults.Ok(UserResponse.From(user))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<PagedList<UserResponse>>, ValidationProblem>> ListUsers(
        [AsParameters] UserQuery query, IdentityDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        if (query.Role is not null)
        {
            Membership.ValidateRole(query.Role, "role", errors);
        }

        if (query.Status is not null and not (UserStatus.Active or UserStatus.Deactivated))
        {
            errors.Add("status", $"Use {UserStatus.Active} or {UserStatus.Deactivated}.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var people = db.Users.AsNoTracking();
        if (query.Role is not null)
        {
            people = people.Where(u => u.Role == query.Role);
        }

        if (query.Status is not null)
        {
            people = query.Status == UserStatus.Active ? people.Where(u => u.DeactivatedAt == null) : people.Where(u => u.DeactivatedAt != null);
        }

        var total = await people.LongCountAsync(ct);
        var page = await people.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<UserResponse>(page.Select(u => UserResponse.From(u)).ToList(), paging.Number, paging.Size, total));
    }

    public static async Task<Results<Ok<UserResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeRole(
        Guid id, ChangeRoleRequest request, UserManager<PlatformUser> users, IdentityDbContext db, OrganizationRegistry registry, HttpContext context,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var membership = Membership.Create(request.Role, request.OrganizationId, errors, request.ParticipantId);
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        if (membership is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (membership.OrganizationId != user.OrganizationId && await registry.CheckAsync(membership.OrganizationId, context, errors) is ProblemHttpResult unavailable)
        {
            return unavailable;
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (user.Role == PlatformRoles.ProgrammeAdmin && membership.Role != PlatformRoles.ProgrammeAdmin
            && user.IsActive && await ActiveAdminsAsync(db, ct) <= 1)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The last programme admin",
                Detail = "Make someone else programme-admin first: the programme would have no administrator left.",
            });
        }

        if (user.ChangeMembership(membership, clock.GetUtcNow()))
        {
            // A new security stamp: the person's next token (also by refresh) carries the new role.
            await users.UpdateSecurityStampAsync(user);
        }

        return TypedResults.Ok(UserResponse.From(user));
    }

    public static async Task<Results<Ok<UserResponse>, NotFound>> Deactivate(
        Guid id, UserManager<PlatformUser> users, IdentityDbContext db, TokenRevoker revoker, TimeProvider clock, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            return TypedResults.NotFound();
        }

        if (user.Role == PlatformRoles.ProgrammeAdmin && user.IsActive && await ActiveAdminsAsync(db, ct) <= 1)
        {
            throw new RuleViolationException("last-programme-admin", "Make someone else programme-admin first: the programme would have no administrator left.");
        }

        user.Deactivate(clock.GetUtcNow());
        // One transaction: the person is never deactivated with their refresh tokens still working, nor the reverse.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            Saved(await users.UpdateSecurityStampAsync(user));
            await revoker.RevokeSubjectAsync(user.Id.ToString(), ct);
            await transaction.CommitAsync(ct);
        });
        return TypedResults.Ok(UserResponse.From(user));
    }

    public static async Task<Results<Ok<UserResponse>, NotFound>> Reactivate(Guid id, UserManager<PlatformUser> users, TimeProvider clock)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            return TypedResults.NotFound();
        }

        user.Reactivate(clock.GetUtcNow());
        Saved(await users.UpdateSecurityStampAsync(user));
        return TypedResults.Ok(UserResponse.From(user));
    }

    private static Task<int> ActiveAdminsAsync(IdentityDbContext db, CancellationToken ct) =>
        db.Users.CountAsync(u => u.Role == PlatformRoles.ProgrammeAdmin && u.DeactivatedAt == null, ct);

    /// <summary>ASP.NET Core Identity's concurrency stamp lost a race: the same 409 as a row version would give.</summary>
    private static void Saved(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                ? new DbUpdateConcurrencyException(result.Errors.First().Description)
                : new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private static ProblemHttpResult DuplicateEmail(string email) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "E-mail already in use",
            Detail = $"A person with the e-mail {email} exists already.",
        });
}
