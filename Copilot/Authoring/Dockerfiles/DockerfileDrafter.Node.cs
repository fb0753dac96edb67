using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Wording;

namespace Collab.Copilot.Authoring.Dockerfiles;

// Node apps (built or run as written) and static sites, served by nginx without root.
public static partial class DockerfileDrafter
{
    private static string Node(DockerfileRequest asked, List<Note> notes)
    {
        var text = asked.Lower;
        var node = $"node:{asked.NodeMajor ?? "22"}-alpine";
        // The package manager the lockfile belongs to: pnpm (pnpm-lock.yaml, through corepack), else npm (package-lock.json).
        var pnpm = Regex.IsMatch(text, @"\bpnpm\b");
        var files = pnpm ? "package.json pnpm-lock.yaml" : "package.json package-lock.json";
        var install = pnpm ? "corepack enable && pnpm install --frozen-lockfile" : "npm ci && npm cache clean --force";
        var installProd = pnpm ? "corepack enable && pnpm install --frozen-lockfile --prod" : "npm ci --omit=dev && npm cache clean --force";
        var build = pnpm ? "pnpm run build" : "npm run build";
        var port = asked.Port ?? 3000;
        // A build argument ("build arg NODE_ENV") is not a build step.
        var builds = Regex.IsMatch(text, @"\b(build(?![\s\-_]?arg)|react|vite|next|typescript|multi-stage)\b");
        if (builds && Regex.IsMatch(text, @"\bnginx\b"))
        {
            // Built static files served by nginx: the runtime image has no Node at all.
            notes.Add(new Note("note.node-nginx"));
            return $"FROM {node} AS build\n\nWORKDIR /src\n\nCOPY {files} ./\nRUN {install}\n\nCOPY . .\nRUN {build}\n\n" +
                   "FROM nginxinc/nginx-unprivileged:1.27-alpine\n\nCOPY --from=build /src/dist /usr/share/nginx/html\n\nUSER 101\n\nEXPOSE 8080\n" +
                   "HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"wget\", \"-q\", \"-O\", \"/dev/null\", \"http://127.0.0.1:8080/\"]\n";
        }
        notes.Add(new Note(builds ? "note.node-build" : "note.node-run"));
        var health = $"HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"wget\", \"-q\", \"-O\", \"/dev/null\", \"http://127.0.0.1:{port}/\"]\n";
        if (!builds)
            return $"FROM {node}\n\nENV NODE_ENV=production\nWORKDIR /app\n\nCOPY {files} ./\nRUN {installProd}\n\nCOPY . .\n\nUSER 1000\n\nEXPOSE {port}\n" + health + $"CMD [\"node\", \"{asked.NodeEntry ?? "server.js"}\"]\n";
        return $"FROM {node} AS build\n\nWORKDIR /src\n\nCOPY {files} ./\nRUN {install}\n\nCOPY . .\nRUN {build}\n\n" +
               $"FROM {node}\n\nENV NODE_ENV=production\nWORKDIR /app\n\nCOPY {files} ./\nRUN {installProd}\nCOPY --from=build /src/dist ./dist\n\nUSER 1000\n\nEXPOSE {port}\n" + health + $"CMD [\"node\", \"{asked.NodeEntry ?? "dist/server.js"}\"]\n";
    }

    private static string StaticSite(DockerfileRequest asked, List<Note> notes)
    {
        // The folder the words name ("the html is in ./site"), else ./public.
        var folder = asked.SourceDirectory ?? "public";
        notes.Add(new Note("note.static", folder));
        return $"FROM nginxinc/nginx-unprivileged:1.27-alpine\n\nCOPY {folder}/ /usr/share/nginx/html/\n\nUSER 101\n\nEXPOSE 8080\n" +
               "HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"wget\", \"-q\", \"-O\", \"/dev/null\", \"http://127.0.0.1:8080/\"]\n";
    }
}
