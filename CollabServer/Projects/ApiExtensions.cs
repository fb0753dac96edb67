using Collab.Server.Notebooks;

namespace Collab.Server.Projects;

public static class ApiExtensions
{
    /// <summary>Projects, members and notebooks over REST, with the OpenAPI description at <c>/openapi/v1.json</c>.</summary>
    public static IHostApplicationBuilder AddCollabApi(this IHostApplicationBuilder builder)
    {
        var templates = builder.Configuration["Templates:Directory"] ?? TemplateCatalog.DefaultDirectory;
        builder.Services.AddSingleton(new TemplateCatalog(templates));
        builder.Services.AddSingleton<NotebookService>();
        builder.Services.AddSingleton<ProjectService>();
        builder.Services.AddOpenApi();
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static IEndpointRouteBuilder MapCollabApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapProjectEndpoints();
        app.MapMemberEndpoints();
        app.MapNotebookEndpoints();
        return app;
    }
}
