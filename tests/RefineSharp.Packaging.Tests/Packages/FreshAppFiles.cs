namespace RefineSharp.Packaging.Tests.Packages;

/// <summary>
/// The source of a small app written as a user would after reading docs/getting-started.md: no package references
/// in the project (the test adds them with `dotnet add package`), server-side sessions, a guarded layout, a static
/// sign-in page. It also compiles and maps something of every other library package, so each is used through its
/// package and not only restored.
/// </summary>
internal static class FreshAppFiles
{
    public const string Project = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <BlazorDisableThrowNavigationException>true</BlazorDisableThrowNavigationException>
          </PropertyGroup>
        </Project>
        """;

    public const string Program = """
        using Microsoft.AspNetCore.Identity;
        using RefineSharp.Providers.AspNetIdentity;
        using RefineSharp.Providers.InMemory;
        using FreshApp.Components;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization();
        builder.Services.AddRefine()
            .AddInMemoryAuth(o => o.Users.Add(new InMemoryUser { Email = "ann@example.com", Password = "Ann12345!", Roles = { "admin" } }))
            .AddBlazor(o => o.LoginPath = "/login")
            .AddServerSessions();
        builder.Services.AddOptions<AspNetIdentityAuthOptions>().Configure(o => o.LoginPath = "/login");
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();

        var app = builder.Build();
        app.UseAntiforgery();
        app.MapGroup("/identity").MapIdentityRoles<IdentityUser>();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.Run();
        """;

    public const string Imports = """
        @using Microsoft.AspNetCore.Components.Routing
        @using Microsoft.AspNetCore.Components.Web
        @using static Microsoft.AspNetCore.Components.Web.RenderMode
        @using RefineSharp
        @using RefineSharp.Blazor
        """;

    public const string App = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="utf-8" />
            <base href="/" />
            <link rel="stylesheet" href="@Assets["_content/RefineSharp.Blazor/refine.css"]" />
            <ImportMap />
            <HeadOutlet @rendermode="PageRenderMode" />
        </head>
        <body>
            <Routes @rendermode="PageRenderMode" />
            <script src="@Assets["_framework/blazor.web.js"]"></script>
        </body>
        </html>
        @code {
            [CascadingParameter] private HttpContext? HttpContext { get; set; }
            private IComponentRenderMode? PageRenderMode => HttpContext?.AcceptsInteractiveRouting() == false ? null : InteractiveServer;
        }
        """;

    public const string Routes = """
        <Refine>
            <Router AppAssembly="typeof(Program).Assembly">
                <Found Context="routeData">
                    <RouteView RouteData="routeData" DefaultLayout="typeof(MainLayout)" />
                </Found>
            </Router>
        </Refine>
        """;

    public const string MainLayout = """
        @inherits LayoutComponentBase
        <Authenticated RedirectOnFail="/login">
            <Loading><p role="status">Loading…</p></Loading>
            <ChildContent>@Body</ChildContent>
        </Authenticated>
        """;

    public const string AuthLayout = """
        @inherits LayoutComponentBase
        @Body
        """;

    public const string Login = """
        @page "/login"
        @attribute [ExcludeFromInteractiveRouting]
        @layout AuthLayout
        <AuthPage Type="AuthPageType.Login" />
        """;

    public const string Admin = """
        @page "/admin"
        <h1 data-admin>Admin</h1>
        """;

    /// <summary>A test project of the app: uses RefineSharp.Testing's bUnit helpers through the package.</summary>
    public const string TestsProject = """
        <Project Sdk="Microsoft.NET.Sdk.Razor">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
        </Project>
        """;

    public const string TestsCode = """
        using Bunit;
        using RefineSharp.Testing;

        namespace FreshApp.Tests;

        public static class SignedIn
        {
            public static string EngineTypeName()
            {
                using var context = new BunitContext();
                var refine = context.AddRefine().SetAuthenticated("ann");
                return refine.AuthManager.GetType().Name;
            }
        }
        """;

    /// <summary>Writes the app into <paramref name="directory"/> (a folder named FreshApp).</summary>
    public static void WriteApp(string directory)
    {
        Directory.CreateDirectory(Path.Combine(directory, "Components"));
        File.WriteAllText(Path.Combine(directory, "FreshApp.csproj"), Project);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
        File.WriteAllText(Path.Combine(directory, "Components", "_Imports.razor"), Imports);
        File.WriteAllText(Path.Combine(directory, "Components", "App.razor"), App);
        File.WriteAllText(Path.Combine(directory, "Components", "Routes.razor"), Routes);
        File.WriteAllText(Path.Combine(directory, "Components", "MainLayout.razor"), MainLayout);
        File.WriteAllText(Path.Combine(directory, "Components", "AuthLayout.razor"), AuthLayout);
        File.WriteAllText(Path.Combine(directory, "Components", "Login.razor"), Login);
        File.WriteAllText(Path.Combine(directory, "Components", "Admin.razor"), Admin);
    }

    public static void WriteTests(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "FreshApp.Tests.csproj"), TestsProject);
        File.WriteAllText(Path.Combine(directory, "SignedIn.cs"), TestsCode);
    }
}
