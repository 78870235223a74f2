using Microsoft.AspNetCore.Authorization;
using Platform.ServiceDefaults.Security;

namespace Platform.Youth.Api;

/// <summary>Whether the caller may see the personal data Youth holds: the Youth team and the programme admin.</summary>
public sealed class PersonalDataAccess(IAuthorizationService authorization, IHttpContextAccessor http)
{
    public static readonly string Policy = PlatformPolicies.PersonalDataOf("youth");

    public async Task<bool> AllowedAsync() =>
        http.HttpContext is { } context && (await authorization.AuthorizeAsync(context.User, Policy)).Succeeded;
}
