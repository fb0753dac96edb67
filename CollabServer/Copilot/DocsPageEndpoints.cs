using System.Net;
using Collab.Server.Errors;
using Markdig;

namespace Collab.Server.Copilot;

/// <summary>
/// <c>GET /docs/{path}</c>: the documentation pages the copilot cites, rendered as HTML with
/// GitHub-style heading ids, so a citation <c>path#anchor</c> opens at its heading.
/// </summary>
public static class DocsPageEndpoints
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .UseEmphasisExtras()
        .DisableHtml() // pages are data: no raw HTML from Markdown reaches the browser
        .Build();

    public static IEndpointRouteBuilder MapDocsPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/docs/{**path}", (string path, DocsFolder docs, HttpContext http) =>
        {
            var file = Resolve(docs.Path, path);
            if (file is null)
                return Refusals.Problem(http, ErrorCode.NotFound, $"No documentation page '{path}'. Pages are the Markdown files under Copilot:Docs:Path, named without .md.");
            var markdown = File.ReadAllText(file);
            var title = WebUtility.HtmlEncode(System.IO.Path.GetFileNameWithoutExtension(file));
            var html = $$"""
                <!doctype html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1"><title>{{title}}</title>
                <style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}pre{background:#f4f4f4;padding:.75rem;overflow:auto}code{font-size:.95em}</style>
                </head><body><main>{{Markdown.ToHtml(markdown, Pipeline)}}</main></body></html>
                """;
            return (IResult)TypedResults.Content(html, "text/html; charset=utf-8");
        }).WithTags("Docs").AllowAnonymous()
            .WithSummary("A documentation page the copilot cites")
            .WithDescription("The Markdown page rendered as HTML, with GitHub-style heading ids so `path#anchor` citations open at their heading.")
            .Produces(200, contentType: "text/html").ProducesProblem(404);
        return app;
    }

    /// <summary>The Markdown file under the docs folder, or null (also for paths that try to leave it).</summary>
    private static string? Resolve(string? root, string path)
    {
        if (root is null || string.IsNullOrWhiteSpace(path)) return null;
        var rootFull = System.IO.Path.GetFullPath(root) + System.IO.Path.DirectorySeparatorChar;
        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(rootFull, path));
        if (!candidate.StartsWith(rootFull, StringComparison.Ordinal)) return null;
        if (!candidate.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) candidate += ".md";
        return File.Exists(candidate) ? candidate : null;
    }
}
