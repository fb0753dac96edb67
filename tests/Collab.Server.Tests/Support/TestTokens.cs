using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Collab.Server.Tests.Support;

/// <summary>Mints the tokens tests present: good ones and each kind the server must refuse.</summary>
public static class TestTokens
{
    public const string SigningKey = "collab-test-signing-key-0123456789abcdef";
    public const string Issuer = "collab-test";
    public const string Audience = "collab";

    public static string For(string user, DateTime? expires = null, string audience = Audience, string key = SigningKey)
    {
        var now = DateTime.UtcNow;
        var exp = expires ?? now.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", user)]),
            IssuedAt = exp < now ? exp.AddMinutes(-10) : now,
            NotBefore = exp < now ? exp.AddMinutes(-10) : now,
            Expires = exp,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Signed and valid, but naming no user (no <c>sub</c>).</summary>
    public static string WithoutUser() => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = new ClaimsIdentity([new Claim("name", "somebody")]),
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256),
    });

    public static string Expired(string user) => For(user, DateTime.UtcNow.AddMinutes(-5));

    public static string WrongSignature(string user) => For(user, key: "another-key-that-is-long-enough-0123456789");

    public static string WrongAudience(string user) => For(user, audience: "someone-else");

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public static string AlgNone(string user)
    {
        static string B64(string s) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(s));
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return B64("""{"alg":"none","typ":"JWT"}""") + "." +
               B64($$"""{"sub":"{{user}}","iss":"{{Issuer}}","aud":"{{Audience}}","exp":{{exp}}}""") + ".";
    }
}
