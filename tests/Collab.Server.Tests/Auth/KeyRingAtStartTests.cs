using Collab.Server.Auth;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Collab.Server.Tests.Auth;

/// <summary>
/// The server drops data protection's hosted service (its key ring loads on first use, not at start) by the
/// service's type name: if ASP.NET Core renames it, the removal would silently do nothing.
/// </summary>
[Trait("Needs", "Server")]
public sealed class KeyRingAtStartTests(AuthServerFixture fixture) : IClassFixture<AuthServerFixture>
{
    [Fact]
    public void Authentication_still_registers_the_service_the_server_removes()
    {
        var services = new ServiceCollection();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == AuthExtensions.KeyRingAtStartService);
    }

    [Fact]
    public void The_server_starts_without_it()
    {
        var hosted = fixture.Server.Get<IEnumerable<IHostedService>>();
        Assert.DoesNotContain(hosted, s => s.GetType().FullName == AuthExtensions.KeyRingAtStartService);
        Assert.NotEmpty(hosted);
    }
}
