using RefineSharp.Tokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The startup check's messages: each says what is wrong and the exact call to add.</summary>
internal static class StartupMessages
{
    public const string MissingAddBlazor =
        "RefineSharp: this is a Blazor app but AddBlazor() was not called, so <Refine> cannot find its services and " +
        "sign-ins never navigate. Add it: builder.Services.AddRefine().AddAuthProvider<YourProvider>().AddBlazor(o => o.LoginPath = \"/login\").";

    public const string BearerHandlerWithoutStore =
        "RefineSharp: AddHttpHandler<BearerTokenHandler>() attaches the token from the ITokenStore, but no ITokenStore is " +
        "registered. Add one: .AddServerSessions() (RefineSharp.AspNetCore, recommended), .AddBrowserTokenStore() " +
        "(standalone WebAssembly), or builder.Services.AddScoped<ITokenStore, MemoryTokenStore>().";

    public static string ProviderDependencyMissing(Type provider, Type dependency)
    {
        var fix = dependency == typeof(ITokenStore)
            ? "Register a token store: .AddServerSessions() (RefineSharp.AspNetCore, recommended), .AddBrowserTokenStore() " +
              "(standalone WebAssembly), or builder.Services.AddScoped<ITokenStore, MemoryTokenStore>()."
            : dependency == typeof(HttpClient)
                ? $"Give it an HttpClient: builder.Services.AddHttpClient<{provider.Name}>(http => http.BaseAddress = new Uri(\"https://your-api/\"))."
                : $"Register {dependency.Name} in builder.Services.";
        return $"RefineSharp: the auth provider {provider.Name} (AddAuthProvider<{provider.Name}>()) needs a {dependency.Name}, " +
               $"which is not registered, so the first page would fail with \"Unable to resolve service\". {fix}";
    }
}
