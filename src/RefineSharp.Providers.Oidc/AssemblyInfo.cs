using Microsoft.Extensions.Localization;

// The default texts live in Resources/OidcTexts*.resx whatever ResourcesPath the app configures.
[assembly: ResourceLocation("Resources")]
[assembly: RootNamespace("RefineSharp.Providers.Oidc")]
