using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace RefineSharp;

/// <summary>Finds which optional members a provider type overrides, so authors never declare it a second time.</summary>
internal static class AuthFeatureDetector
{
    private static readonly ConcurrentDictionary<Type, AuthFeatures> Cache = new();

    private static readonly (string Member, Type RequestType, AuthFeatures Feature)[] Optional =
    [
        (nameof(AuthProvider.RegisterAsync), typeof(RegisterRequest), AuthFeatures.Register),
        (nameof(AuthProvider.ForgotPasswordAsync), typeof(ForgotPasswordRequest), AuthFeatures.ForgotPassword),
        (nameof(AuthProvider.UpdatePasswordAsync), typeof(UpdatePasswordRequest), AuthFeatures.UpdatePassword),
        (nameof(AuthProvider.GetIdentityAsync), typeof(IdentityRequest), AuthFeatures.Identity),
        (nameof(AuthProvider.GetPermissionsAsync), typeof(PermissionsRequest), AuthFeatures.Permissions),
        (nameof(AuthProvider.UpdateIdentityAsync), typeof(UpdateIdentityRequest), AuthFeatures.UpdateIdentity),
    ];

    public static AuthFeatures Detect(Type providerType) => Cache.GetOrAdd(providerType, DetectUncached);

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Only public methods of AuthProvider are inspected; they are kept because AuthProvider uses them.")]
    private static AuthFeatures DetectUncached(Type providerType)
    {
        var features = AuthFeatures.None;
        foreach (var (member, requestType, feature) in Optional)
        {
            var method = providerType.GetMethod(
                member,
                BindingFlags.Public | BindingFlags.Instance,
                [requestType, typeof(CancellationToken)]);
            if (method is not null && method.GetBaseDefinition().DeclaringType == typeof(AuthProvider)
                && method.DeclaringType != typeof(AuthProvider))
            {
                features |= feature;
            }
        }

        return features;
    }
}
