using Collab.Server.Auth;
using Collab.Server.Notebooks;

namespace Collab.Server.Projects;

public static class ApiExtensions
{
    /// <summary>Projects, members and notebooks over REST (described at <c>/openapi/v1.json</c>, see <c>ApiDocs/</c>).</summary>
    public static IHostApplicationBuilder AddCollabApi(this IHostApplicationBuilder builder)
    {
        var templates = builder.Configuration["Templates:Directory"] ?? TemplateCatalog.DefaultDirectory;
        builder.Services.AddSingleton(new TemplateCatalog(templates));
        builder.Services.AddOptions<NotebookOptions>()
            .Bind(builder.Configuration.GetSection(NotebookOptions.Section))
            .Validate(o => o.MaxCells >= 1, "Notebooks:MaxCells must be at least 1.")
            .Validate(o => o.MaxParts >= o.MaxCells, "Notebooks:MaxParts must be at least Notebooks:MaxCells.")
            .ValidateOnStart();
        builder.Services.AddSingleton<NotebookService>();
        builder.Services.AddSingleton<ProjectService>();
        builder.Services.AddSingleton<ProjectDeletions>();
        // What ProjectAccess (Auth) asks, answered by the stores the backend registered.
        builder.Services.AddSingleton<IProjectRoleLookup>(sp => sp.GetRequiredService<IProjectStore>());
        builder.Services.AddSingleton<INotebookLookup>(sp => sp.GetRequiredService<INotebookStore>());
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static IEndpointRouteBuilder MapCollabApi(this IEndpointRouteBuilder app)
    {
        app.MapProjectEndpoints();
        app.MapMemberEndpoints();
        app.MapNotebookEndpoints();
        return app;
    }
}
