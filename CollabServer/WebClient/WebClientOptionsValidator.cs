using Collab.Server.Auth;
using Microsoft.Extensions.Options;

namespace Collab.Server.WebClient;

/// <summary>Role names only for roles that exist, each 1-40 characters; messages name the bad key.</summary>
public sealed class WebClientOptionsValidator : IValidateOptions<WebClientOptions>
{
    public const int MaxRoleNameLength = 40;

    public ValidateOptionsResult Validate(string? name, WebClientOptions options)
    {
        var failures = new List<string>();
        foreach (var (role, display) in options.RoleNames)
        {
            var key = $"{WebClientOptions.Section}:RoleNames:{role}";
            if (!ProjectRoles.TryParse(role, out _))
                failures.Add($"{key}: '{role}' is not a role (owner, editor or viewer).");
            else if (string.IsNullOrWhiteSpace(display) || display.Trim().Length > MaxRoleNameLength)
                failures.Add($"{key} must be 1-{MaxRoleNameLength} characters.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
