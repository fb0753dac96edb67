using Microsoft.AspNetCore.SignalR;

namespace Collab.Server.Errors;

public static class ErrorsExtensions
{
    /// <summary>
    /// Every REST problem carries a <c>code</c> (from its status unless the endpoint set one) and
    /// a detail (guidance by status unless the endpoint wrote one), and hub methods' refusals
    /// reach callers with theirs; see <see cref="ErrorCode"/>.
    /// </summary>
    public static IHostApplicationBuilder AddCollabErrors(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions.TryAdd(Refusals.CodeExtension, ErrorCodes.FromHttpStatus(status).ToWire());
            context.ProblemDetails.Detail ??= ProblemGuidance.For(status);
        });
        builder.Services.AddSingleton<RefusalHubFilter>();
        builder.Services.Configure<HubOptions>(o => o.AddFilter<RefusalHubFilter>());
        return builder;
    }

    /// <summary>
    /// Error responses that would leave with no body (no route matched, the token was refused, an
    /// endpoint answered with a bare status) get problem details instead. Early in the pipeline,
    /// so it sees every later middleware's and endpoint's status.
    /// </summary>
    public static IApplicationBuilder UseCollabErrors(this IApplicationBuilder app) => app.UseStatusCodePages();
}
