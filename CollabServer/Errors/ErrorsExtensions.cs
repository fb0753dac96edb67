using Microsoft.AspNetCore.SignalR;

namespace Collab.Server.Errors;

public static class ErrorsExtensions
{
    /// <summary>
    /// Every REST problem carries a <c>code</c> (from its status unless the endpoint set one), and
    /// hub methods' refusals reach callers with theirs; see <see cref="ErrorCode"/>.
    /// </summary>
    public static IHostApplicationBuilder AddCollabErrors(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd(Refusals.CodeExtension,
                ErrorCodes.FromHttpStatus(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode).ToWire()));
        builder.Services.AddSingleton<RefusalHubFilter>();
        builder.Services.Configure<HubOptions>(o => o.AddFilter<RefusalHubFilter>());
        return builder;
    }
}
