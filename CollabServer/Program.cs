using Collab.Server.Access;
using Collab.Server.ApiDocs;
using Collab.Server.Audit;
using Collab.Server.Auth;
using Collab.Server.Backup;
using Collab.Server.Backup.S3;
using Collab.Server.Chat;
using Collab.Server.Copilot;
using Collab.Server.Cors;
using Collab.Server.Errors;
using Collab.Server.Execution;
using Collab.Server.Health;
using Collab.Server.History;
using Collab.Server.Hubs;
using Collab.Server.Limits;
using Collab.Server.Observability;
using Collab.Server.Projects;
using Collab.Server.Rooms;
using Collab.Server.Scaling;
using Collab.Server.Storage.Backends;
using Collab.Server.Tls;
using Collab.Server.WebClient;
using Collab.Server.YWebSocket;

if (HealthCheckCommand.IsRequested(args)) return await HealthCheckCommand.RunAsync(args);

// Configuration is read once at start. Reloading on change would watch the content root
// recursively, and the SQLite data directory (default ./data) usually lies under it, so every
// append would wake the watcher (it cost more CPU under load than the SQLite writes themselves).
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
// One clock for every component's timers and timestamps (room unloads, retention, backups, TLS
// expiry), so a test can swap it for a fake and move time without waiting.
builder.Services.AddSingleton(TimeProvider.System);
builder.AddCollabLogging(args);
builder.AddCollabErrors();
builder.AddCollabStorage();
builder.AddCollabAuth();
builder.AddCollabCors();
builder.AddCollabLimits();
builder.AddCollabRooms();
builder.AddCollabAccess();
builder.AddCollabHub();
builder.AddCollabCluster();
builder.AddCollabApi();
builder.AddCollabApiDocs();
builder.AddCollabChat();
builder.AddCollabCopilot();
builder.AddCollabHealth();
builder.AddCollabObservability();
builder.AddCollabTls();
builder.AddCollabAudit();
builder.AddCollabBackup();
builder.AddCollabExecution();
builder.AddCollabHistory();
builder.AddCollabWebClient();

var app = builder.Build();
if (TokenCommand.IsRequested(args)) return await TokenCommand.RunAsync(app.Services, args);
if (BackupRestoreCommand.IsRequested(args)) return await BackupRestoreCommand.RunAsync(app.Services, args);

app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30), KeepAliveTimeout = TimeSpan.FromSeconds(60) });
app.UseCollabObservability();
app.UseCollabRooms();
app.UseCollabErrors();
app.UseCollabWebClient();
app.UseCollabCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseCollabAudit();
app.MapCollabHealth();
app.MapCollabObservability();
app.MapCollabAudit();
app.MapCollabBackup();
app.MapCollabAuth();
app.MapCollabApi();
app.MapCollabApiDocs();
app.MapCollabWebClient();
app.MapCollabChat();
app.MapCollabCopilot();
app.MapCollabExecution();
app.MapCollabHistory();
app.MapCollabHub();
app.MapYWebSocket();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so tests can reference the assembly's host.</summary>
public partial class Program;
