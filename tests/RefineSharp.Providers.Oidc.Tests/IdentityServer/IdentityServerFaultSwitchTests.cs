using System.Net;
using System.Net.Http.Json;
using RefineSharp.Providers.Oidc.Tests.Infrastructure;

namespace RefineSharp.Providers.Oidc.Tests.IdentityServer;

/// <summary>The identity server's test-only faults are off by default and cannot be switched on in Production.</summary>
[Collection(IdentityServerCollection.Name)]
public sealed class IdentityServerFaultSwitchTests(IdentityServerFixture idp)
{
    [Fact]
    public async Task Without_the_switch_there_is_no_fault_endpoint()
    {
        using var http = new HttpClient();
        using var response = await http.PutAsJsonAsync(new Uri(idp.Server.BaseUrl + "/testing/faults"), new { wrongNonce = true });
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"got {response.StatusCode}");
    }

    [Fact]
    public async Task The_switch_is_refused_in_Production_and_the_server_does_not_start()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AppProcess.StartAsync("RefineSharp.IdentityServer", 6220, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Idp__Database"] = "{data}/idp.db",
            ["Idp__Faults__Enabled"] = "true",
        }));
        Assert.Contains("exited before answering", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused in Production", error.Message, StringComparison.Ordinal);
    }
}
