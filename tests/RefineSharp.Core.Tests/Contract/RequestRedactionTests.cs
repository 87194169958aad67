using System.Reflection;
using System.Text;
using CsCheck;

namespace RefineSharp.Tests.Contract;

/// <summary>
/// Requests never print a secret: ToString() (and the records' PrintMembers) show password fields and secret-looking
/// Extra values as ***. Generated passwords against an oracle (the same request printed without the secret), and a
/// reflection sweep over every public request type of the Core assembly so that a future request type cannot forget it.
/// </summary>
public sealed class RequestRedactionTests
{
    private static readonly Gen<string> Secrets = Gen.String[8, 64];
    private static readonly Gen<string> Plain = Gen.String[0, 32];

    [Fact]
    public void LoginRequest_GeneratedPasswords_NeverPrinted() =>
        Gen.Select(Secrets, Plain, Plain).Sample((password, email, provider) =>
        {
            var request = new LoginRequest { Email = email, Password = password, ProviderName = provider, Remember = true };
            AssertNotPrinted(request, request with { Password = null }, password);
        });

    [Fact]
    public void RegisterRequest_GeneratedPasswords_NeverPrinted() =>
        Gen.Select(Secrets, Plain).Sample((password, email) =>
        {
            var request = new RegisterRequest { Email = email, Password = password };
            AssertNotPrinted(request, request with { Password = null }, password);
        });

    [Fact]
    public void UpdatePasswordRequest_GeneratedPasswords_NoneOfTheThreePrinted() =>
        Gen.Select(Secrets, Secrets, Secrets).Sample((password, confirm, current) =>
        {
            var request = new UpdatePasswordRequest { Password = password, ConfirmPassword = confirm, CurrentPassword = current };
            var baseline = new UpdatePasswordRequest();
            AssertNotPrinted(request, baseline, password);
            AssertNotPrinted(request, baseline, confirm);
            AssertNotPrinted(request, baseline, current);
        });

    [Fact]
    public void AnyRequest_SecretLookingExtraKeys_ValuesNeverPrinted() =>
        Gen.Select(Secrets, Gen.OneOf("password", "token", "code", "resetCode", "client_secret", "refreshToken", "otp"), Plain).Sample((secret, key, other) =>
        {
            var extra = new Dictionary<string, object?> { [key] = secret, ["email"] = other };
            var baseline = new Dictionary<string, object?> { [key] = null, ["email"] = other };
            AssertNotPrinted(new UpdatePasswordRequest { Extra = extra }, new UpdatePasswordRequest { Extra = baseline }, secret);
            AssertNotPrinted(new LoginRequest { Extra = extra }, new LoginRequest { Extra = baseline }, secret);
            AssertNotPrinted(new CheckRequest { Extra = extra }, new CheckRequest { Extra = baseline }, secret);
        });

    [Fact]
    public void LoginRequest_ToString_ReadsLikeARecordWithPasswordRedacted()
    {
        var request = new LoginRequest { Email = "a@b.c", Password = "hunter2", Extra = new Dictionary<string, object?> { ["code"] = "123456", ["phone"] = "555" } };

        Assert.Equal(
            "LoginRequest { Extra = { code = ***, phone = 555 }, Email = a@b.c, Password = ***, Remember = False, ProviderName = , RedirectPath =  }",
            request.ToString());
    }

    [Fact]
    public void DerivedRequestOutsideCore_SecretProperty_NotPrintedByToString()
    {
        var request = new OtpLoginRequest { Email = "a@b.c", OneTimeCode = "987654321" };

        Assert.DoesNotContain("987654321", request.ToString(), StringComparison.Ordinal);
        Assert.Contains("OneTimeCode = ***", request.ToString(), StringComparison.Ordinal);
    }

    private static readonly Type[] PublicRequestTypes =
        [.. typeof(AuthRequest).Assembly.GetExportedTypes().Where(t => typeof(AuthRequest).IsAssignableFrom(t) && !t.IsAbstract)];

    public static TheoryData<Type> RequestTypes() => [.. PublicRequestTypes];

    [Fact]
    public void RequestTypes_Sweep_CoversThePasswordRequests()
    {
        var types = PublicRequestTypes;

        Assert.Contains(typeof(LoginRequest), types);
        Assert.Contains(typeof(RegisterRequest), types);
        Assert.Contains(typeof(UpdatePasswordRequest), types);
        Assert.All(
            new[] { typeof(LoginRequest), typeof(RegisterRequest), typeof(UpdatePasswordRequest) },
            t => Assert.NotEmpty(SecretStringProperties(t)));
    }

    [Theory]
    [MemberData(nameof(RequestTypes))]
    public void EveryPublicRequestType_SecretStringPropertiesAndExtra_NeitherToStringNorPrintMembersShowsThem(Type type)
    {
        const string secret = "S3cr3t-Value-7f1c9a";
        var request = (AuthRequest)Activator.CreateInstance(type)!;
        foreach (var property in SecretStringProperties(type))
        {
            property.SetValue(request, secret);
        }

        typeof(AuthRequest).GetProperty(nameof(AuthRequest.Extra))!.SetValue(
            request,
            new Dictionary<string, object?> { ["password"] = secret, ["token"] = secret, ["code"] = secret, ["secret"] = secret });

        Assert.DoesNotContain(secret, request.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, PrintMembers(request), StringComparison.Ordinal);
    }

    private static IEnumerable<PropertyInfo> SecretStringProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.CanWrite && LooksSecret(p.Name));

    // The test's own idea of a secret's name, independent of the printer's list.
    private static bool LooksSecret(string name) =>
        new[] { "password", "token", "secret", "code" }.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));

    private static string PrintMembers(AuthRequest request)
    {
        var builder = new StringBuilder();
        var method = request.GetType().GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic, [typeof(StringBuilder)])!;
        method.Invoke(request, [builder]);
        return builder.ToString();
    }

    private static void AssertNotPrinted(AuthRequest request, AuthRequest withoutSecret, string secret)
    {
        // The oracle: a secret that also occurs in the request's other (non-secret) values may show there.
        var baseline = withoutSecret.ToString() + "\n" + PrintMembers(withoutSecret);
        if (baseline.Contains(secret, StringComparison.Ordinal))
        {
            return;
        }

        Assert.DoesNotContain(secret, request.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, PrintMembers(request), StringComparison.Ordinal);
    }

    /// <summary>A request an app might add (an OTP login), to show the sealed ToString protects it too.</summary>
    public sealed record OtpLoginRequest : LoginRequest
    {
        public string? OneTimeCode { get; init; }
    }
}
