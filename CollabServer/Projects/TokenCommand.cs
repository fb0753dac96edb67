using Collab.Server.Auth;
using Collab.Server.Projects;
using Collab.Server.Storage;
using Microsoft.Extensions.Options;

namespace Collab.Server.Projects;

/// <summary>
/// <c>token --user alice --project demo --role editor [--hours 24]</c>: in dev mode, makes the
/// user a member of the project with that role (creating the project if missing) and prints a
/// token for them. Refused when dev mode is off (PostgreSQL or an authority configured).
/// </summary>
public static class TokenCommand
{
    public static bool IsRequested(string[] args) => args.FirstOrDefault() == "token";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var options = Parse(args.Skip(1).ToArray());
        if (!options.TryGetValue("user", out var user) || string.IsNullOrWhiteSpace(user))
        {
            await Console.Error.WriteLineAsync("usage: token --user <id> [--project <id> --role viewer|editor|owner] [--hours 24]");
            return 2;
        }
        var auth = services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (!auth.DevMode)
        {
            await Console.Error.WriteLineAsync("The token command works only in dev mode (embedded SQLite store, no Auth:Authority).");
            return 2;
        }
        var hours = options.TryGetValue("hours", out var h) && double.TryParse(h, out var parsed) && parsed > 0 ? parsed : 24;
        if (options.TryGetValue("project", out var projectId))
        {
            if (!ProjectNames.IsValidProjectId(projectId))
            {
                await Console.Error.WriteLineAsync($"--project must be {ProjectNames.ProjectIdRule}.");
                return 2;
            }
            var roleText = options.GetValueOrDefault("role", "editor");
            if (!ProjectRoles.TryParse(roleText, out var role))
            {
                await Console.Error.WriteLineAsync("--role must be viewer, editor or owner.");
                return 2;
            }
            await services.GetRequiredService<IStoreMaintenance>().EnsureSchemaAsync();
            var projects = services.GetRequiredService<IProjectStore>();
            if (await projects.GetAsync(projectId) is null)
                await services.GetRequiredService<ProjectService>().CreateAsync(projectId, projectId, user, CancellationToken.None);
            await projects.SetMemberAsync(projectId, user, role);
        }
        Console.WriteLine(services.GetRequiredService<DevTokenIssuer>().Issue(user, TimeSpan.FromHours(hours)));
        return 0;
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal)) result[args[i][2..]] = args[i + 1];
        }
        return result;
    }
}
