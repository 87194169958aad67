using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace RefineSharp.E2E.Tests.Infrastructure;

/// <summary>Seeded accounts, unique new accounts, and Identity API calls the tests use to arrange state.</summary>
internal static class TestUsers
{
    public const string AdminEmail = "admin@demo.local";
    public const string AdminPassword = "Admin123!";
    public const string EditorEmail = "editor@demo.local";
    public const string EditorPassword = "Editor123!";

    /// <summary>Meets Identity's default password rules.</summary>
    public const string Password = "Passw0rd!e2e";
    public const string NewPassword = "N3wPassw0rd!e2e";

    /// <summary>An email no other test uses, so tests that change an account never meet.</summary>
    public static string UniqueEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)] + "@e2e.local";

    /// <summary>Creates an account through POST /identity/register.</summary>
    public static async Task<string> RegisterAsync(DemoServer server, string prefix, string password = Password)
    {
        var email = UniqueEmail(prefix);
        using var http = Client(server);
        using var response = await http.PostAsJsonAsync("identity/register", new { email, password });
        await EnsureSuccessAsync(response, "register");
        return email;
    }

    /// <summary>Changes the password through the API (login for a bearer token, then POST /identity/manage/info), which also renews the security stamp.</summary>
    public static async Task ChangePasswordAsync(DemoServer server, string email, string oldPassword, string newPassword)
    {
        using var http = Client(server);
        using var login = await http.PostAsJsonAsync("identity/login", new { email, password = oldPassword });
        await EnsureSuccessAsync(login, "login");
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("accessToken").GetString();

        using var change = new HttpRequestMessage(HttpMethod.Post, "identity/manage/info")
        {
            Content = JsonContent.Create(new { oldPassword, newPassword }),
        };
        change.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var changed = await http.SendAsync(change);
        await EnsureSuccessAsync(changed, "manage/info");
    }

    /// <summary>
    /// Opens the confirmation link that registration put in the outbox. Identity emails reset codes only to confirmed
    /// addresses, so a password-reset test needs this first.
    /// </summary>
    public static async Task ConfirmEmailAsync(DemoServer server, string email)
    {
        var link = await OutboxLinkAsync(server, email, l => l.Contains("/identity/confirmEmail?", StringComparison.Ordinal));
        using var http = Client(server);
        using var confirmed = await http.GetAsync(new Uri(link, UriKind.RelativeOrAbsolute));
        await EnsureSuccessAsync(confirmed, "confirmEmail");
    }

    /// <summary>The newest password-reset link (the app's page with email and code) the outbox holds for <paramref name="email"/>.</summary>
    public static Task<string> ResetLinkAsync(DemoServer server, string email) =>
        OutboxLinkAsync(server, email, l => l.StartsWith("/update-password?", StringComparison.Ordinal));

    /// <summary>The newest link of the outbox messages to <paramref name="email"/> that <paramref name="isWanted"/> accepts.</summary>
    private static async Task<string> OutboxLinkAsync(DemoServer server, string email, Func<string, bool> isWanted)
    {
        using var http = Client(server);
        using var outbox = JsonDocument.Parse(await http.GetStringAsync("dev/outbox.json"));
        foreach (var message in outbox.RootElement.EnumerateArray())
        {
            if (string.Equals(message.GetProperty("to").GetString(), email, StringComparison.OrdinalIgnoreCase)
                && message.GetProperty("link").GetString() is { } link
                && isWanted(link))
            {
                return link;
            }
        }

        throw new InvalidOperationException($"No such link for {email} in the outbox.");
    }

    private static HttpClient Client(DemoServer server) => new() { BaseAddress = new Uri(server.BaseUrl + "/") };

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
