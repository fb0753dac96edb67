using Collab.Server.Auth;
using Collab.Server.Chat;
using Collab.Server.Health;
using Collab.Server.Hubs;
using Collab.Server.Limits;
using Collab.Server.Projects;
using Collab.Server.Rooms;
using Collab.Server.Storage;
using Collab.Server.YWebSocket;

var builder = WebApplication.CreateBuilder(args);
builder.AddCollabLogging(args);
builder.AddCollabStorage();
builder.AddCollabAuth();
builder.AddCollabLimits();
builder.AddCollabRooms();
builder.AddCollabHub();
builder.AddCollabApi();
builder.AddCollabChat();
builder.AddCollabHealth();

var app = builder.Build();
if (TokenCommand.IsRequested(args)) return await TokenCommand.RunAsync(app.Services, args);

app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30), KeepAliveTimeout = TimeSpan.FromSeconds(60) });
app.UseAuthentication();
app.UseAuthorization();
app.MapCollabHealth();
app.MapCollabApi();
app.MapCollabChat();
app.MapCollabHub();
app.MapYWebSocket();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so tests can reference the assembly's host.</summary>
public partial class Program;
