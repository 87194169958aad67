namespace RefineSharp.Testing.Conformance;

/// <summary>getIdentity and getPermissions: the user's when signed in, nothing when signed out.</summary>
public abstract partial class AuthProviderConformance
{
    /// <summary>After sign-in, GetIdentityAsync returns an identity with an id (providers without identity return null).</summary>
    private Task Identity_AfterSignIn_HasId() => WithSessionAsync(async session =>
    {
        await SignInAsync(session);
        var identity = await session.Provider.GetIdentityAsync(new IdentityRequest());
        if (!Profile.Features.HasFlag(AuthFeatures.Identity))
        {
            Verify.That(identity is null, "A provider without GetIdentityAsync must answer null (the base class's answer).");
            return;
        }

        Verify.That(identity is not null, "GetIdentityAsync after sign-in must return the user.");
        Verify.That(!string.IsNullOrEmpty(Verify.IdOf(identity!)), $"The identity after sign-in must have an id; it was {identity}.");
        if (identity is UserIdentity user && Profile.PasswordLogin && user.Email is not null)
        {
            Verify.That(string.Equals(user.Email, session.Account.Email, StringComparison.OrdinalIgnoreCase),
                $"The identity's email must be the signed-in account's ({session.Account.Email}); it was {user.Email}.");
        }
    });

    /// <summary>Signed out (never signed in, and after logout), GetIdentityAsync returns null or an identity without an id.</summary>
    private Task Identity_SignedOut_Empty() => WithSessionAsync(async session =>
    {
        Verify.That(Verify.IsEmptyIdentity(await session.Provider.GetIdentityAsync(new IdentityRequest())),
            "GetIdentityAsync before any sign-in must answer no identity.");
        await SignInAsync(session);
        await session.Provider.LogoutAsync(new LogoutRequest());
        Verify.That(Verify.IsEmptyIdentity(await session.Provider.GetIdentityAsync(new IdentityRequest())),
            "GetIdentityAsync after logout must answer no identity (the previous user must not linger).");
    });

    /// <summary>After sign-in, GetPermissionsAsync returns the declared permissions (as a set of strings).</summary>
    private Task Permissions_AfterSignIn_Match() => WithSessionAsync(async session =>
    {
        await SignInAsync(session);
        var permissions = await session.Provider.GetPermissionsAsync(new PermissionsRequest());
        if (!Profile.Features.HasFlag(AuthFeatures.Permissions))
        {
            Verify.That(permissions is null, "A provider without GetPermissionsAsync must answer null (the base class's answer).");
            return;
        }

        Verify.That(permissions is not null, "GetPermissionsAsync after sign-in must answer (an empty list when the user has none).");
        if (Profile.Permissions is { } expected)
        {
            var actual = Verify.AsStringSet(permissions);
            Verify.That(actual is not null, $"GetPermissionsAsync must answer a list of strings to compare with the declared ones; it answered {permissions!.GetType().Name}.");
            Verify.That(actual!.SetEquals(expected),
                $"GetPermissionsAsync after sign-in must be [{string.Join(", ", expected.Order(StringComparer.Ordinal))}]; it was [{string.Join(", ", actual.Order(StringComparer.Ordinal))}].");
        }
    });

    /// <summary>Signed out (never signed in, and after logout), GetPermissionsAsync answers none: null or an empty list.</summary>
    private Task Permissions_SignedOut_None() => WithSessionAsync(async session =>
    {
        Verify.That(Verify.IsEmptyPermissions(await session.Provider.GetPermissionsAsync(new PermissionsRequest())),
            "GetPermissionsAsync before any sign-in must answer no permissions.");
        await SignInAsync(session);
        await session.Provider.LogoutAsync(new LogoutRequest());
        Verify.That(Verify.IsEmptyPermissions(await session.Provider.GetPermissionsAsync(new PermissionsRequest())),
            "GetPermissionsAsync after logout must answer no permissions (the previous user's must not linger).");
    });
}
