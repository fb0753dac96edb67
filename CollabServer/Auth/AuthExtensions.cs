using Collab.Server.Cors;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Collab.Server.Auth;

public static class AuthExtensions
{
    private static readonly string[] RsaAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    /// <summary>
    /// JWT bearer auth. Tokens must be signed (HS256 with the configured or dev key, RS256 from
    /// the authority's JWKS), unexpired and for our audience; <c>alg: none</c> never validates.
    /// </summary>
    public static IHostApplicationBuilder AddCollabAuth(this IHostApplicationBuilder builder)
    {
        var usesPostgres = !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Postgres"));
        builder.Services.AddOptions<AuthOptions>()
            .Bind(builder.Configuration.GetSection(AuthOptions.Section))
            .PostConfigure(o => o.DevMode = !usesPostgres && !o.UsesAuthority)
            .Validate(o => o.DevMode || o.UsesAuthority || !string.IsNullOrEmpty(o.SigningKey),
                "Auth:SigningKey or Auth:Authority must be set when ConnectionStrings:Postgres is configured (dev mode is only for the embedded SQLite default).")
            .Validate(o => string.IsNullOrEmpty(o.SigningKey) || System.Text.Encoding.UTF8.GetByteCount(o.SigningKey) >= 32,
                "Auth:SigningKey must be at least 32 bytes (256 bits) for HS256.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Audience), "Auth:Audience must not be empty.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.UserClaim), "Auth:UserClaim must not be empty.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Authority) || IsHttpUrl(o.Authority, o.RequireHttpsMetadata),
                "Auth:Authority must be an absolute https URL (http only with Auth:RequireHttpsMetadata=false, for a local test provider).")
            .Validate(o => string.IsNullOrWhiteSpace(o.MetadataAddress) || IsHttpUrl(o.MetadataAddress, o.RequireHttpsMetadata),
                "Auth:MetadataAddress must be an absolute https URL (http only with Auth:RequireHttpsMetadata=false, for a local test provider).")
            .Validate(o => string.IsNullOrWhiteSpace(o.ClientId) || !string.IsNullOrWhiteSpace(o.Authority),
                "Auth:ClientId needs Auth:Authority (the issuer the clients sign in at).")
            .Validate(o => o.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("openid"),
                "Auth:Scopes must be space-separated and include 'openid'.")
            .Validate(o => o.AccessRecheckSeconds is >= 1 and <= 3600, "Auth:AccessRecheckSeconds must be between 1 and 3600.")
            .ValidateOnStart();
        builder.Services.AddSingleton<SigningKeyProvider>();
        builder.Services.AddSingleton<DevTokenIssuer>();
        builder.Services.AddSingleton<ProjectAccess>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        LoadKeyRingOnFirstUse(builder.Services);
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, SigningKeyProvider>((jwt, authOptions, keys) =>
            {
                var auth = authOptions.Value;
                jwt.MapInboundClaims = false;
                jwt.Authority = string.IsNullOrWhiteSpace(auth.Authority) ? null : auth.Authority;
                jwt.MetadataAddress = string.IsNullOrWhiteSpace(auth.MetadataAddress) ? null! : auth.MetadataAddress;
                jwt.RequireHttpsMetadata = auth.RequireHttpsMetadata;
                var key = keys.Key;
                var algorithms = new List<string>();
                if (key is not null) algorithms.Add(SecurityAlgorithms.HmacSha256);
                if (auth.UsesAuthority) algorithms.AddRange(RsaAlgorithms);
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = auth.UsesAuthority ? null : auth.Issuer,
                    ValidateAudience = true,
                    ValidAudience = auth.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidateIssuerSigningKey = true,
                    IssuerSigningKey = key,
                    ValidAlgorithms = algorithms,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = auth.UserClaim,
                };
                jwt.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        if (string.IsNullOrEmpty(context.Token) && QueryTokenRule.Allows(context.HttpContext)
                            && context.Request.Query.TryGetValue(QueryTokenRule.Parameter, out var token))
                        {
                            context.Token = token.ToString();
                        }
                        return Task.CompletedTask;
                    },
                    // Membership rows are keyed by this claim: a token without it names nobody (401, not a 500 later).
                    OnTokenValidated = context =>
                    {
                        if (string.IsNullOrEmpty(context.Principal.UserId(auth.UserClaim)))
                            context.Fail($"The token has no '{auth.UserClaim}' claim (Auth:UserClaim).");
                        return Task.CompletedTask;
                    },
                };
            });
        builder.Services.AddAuthorization();
        return builder;
    }

    // Checked at start: the JWT handler would otherwise refuse an http authority only at the first request.
    private static bool IsHttpUrl(string value, bool requireHttps) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (!requireHttps && uri.Scheme == Uri.UriSchemeHttp));

    /// <summary>Data protection's hosted service, matched by name (it is internal to ASP.NET Core); a test checks the name still exists.</summary>
    internal const string KeyRingAtStartService = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    /// <summary>
    /// Authentication brings ASP.NET Core's data protection, whose hosted service reads (or creates)
    /// its XML key ring at start. Bearer tokens never use it, so the key ring is left to its first
    /// use: a server then maps no XML key-ring stack (XDocument, Xml.Linq) at start and compiles none
    /// of its code (bench/rooms/RESULTS.md, "the idle baseline").
    /// </summary>
    private static void LoadKeyRingOnFirstUse(IServiceCollection services)
    {
        var atStart = services.FirstOrDefault(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType?.FullName == KeyRingAtStartService);
        if (atStart is not null) services.Remove(atStart);
    }

    /// <summary>
    /// <c>GET /api/auth/config</c>: anonymous, so a client can tell how to sign in before it has a token;
    /// and the sign-in popup's callback page.
    /// </summary>
    public static IEndpointRouteBuilder MapCollabAuth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/auth/config", (IOptions<AuthOptions> auth, IOptions<CrossOriginOptions> cors) =>
                TypedResults.Ok(AuthClientConfig.From(auth.Value, cors.Value.AllowedOrigins)))
            .AllowAnonymous().WithTags("Auth")
            .WithSummary("How to sign in")
            .WithDescription("Anonymous: the identity provider, client id and scopes a client signs in with, or dev mode.");
        app.MapSignInCallbackPage();
        return app;
    }
}
