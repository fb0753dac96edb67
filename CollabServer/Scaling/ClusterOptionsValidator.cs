using Microsoft.Extensions.Options;

namespace Collab.Server.Scaling;

/// <summary>
/// Replicas that do not share both the store and Redis would each accept updates the others
/// never see, so a half-configured cluster must not start.
/// </summary>
public sealed class ClusterOptionsValidator(IConfiguration configuration) : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        var hasRedis = !string.IsNullOrWhiteSpace(configuration[ClusterOptions.RedisKey]);
        var hasPostgres = !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Postgres"))
            || !string.IsNullOrWhiteSpace(configuration["Storage:PostgresConnectionString"]);
        var errors = new List<string>();
        if (options.Mode == ClusterMode.Clustered)
        {
            if (!hasPostgres) errors.Add("Cluster:Mode is Clustered but ConnectionStrings:Postgres is not set: every replica must share one PostgreSQL (the embedded SQLite file is per process).");
            if (!hasRedis) errors.Add($"Cluster:Mode is Clustered but {ClusterOptions.RedisKey} is not set: replicas exchange document updates, awareness and hub groups over Redis.");
        }
        else if (hasRedis)
        {
            errors.Add($"{ClusterOptions.RedisKey} is set but Cluster:Mode is Single: set Cluster:Mode=Clustered (with ConnectionStrings:Postgres) to run several replicas, or remove {ClusterOptions.RedisKey}.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
