using CsCheck;

namespace RefineSharp.Testing.Conformance;

/// <summary>Login requests an attacker or a broken client sends: a fixed list, and generated ones (CsCheck).</summary>
internal static class HostileInputs
{
    private static readonly Gen<string?> Null = Gen.Const(() => (string?)null);

    private static readonly Gen<string?> Text = Gen.OneOf(
        Null,
        Gen.Const<string?>(""),
        // any UTF-16 unit, lone surrogates and control characters included
        Gen.Char.Array[0, 40].Select(chars => (string?)new string(chars)),
        Gen.String[0, 3000].Select(s => (string?)s),
        Gen.Char["\0\r\n\t\u001b\u200b\u202e'\"<>%;\\/@.*"].Array[1, 60].Select(chars => (string?)new string(chars)),
        Gen.Char["aéß漢字😀@."].Array[1, 200].Select(chars => (string?)new string(chars)));

    private static readonly Gen<string?> ProviderName = Gen.Frequency(
        (4, Null),
        (1, Text.Where(name => name is not null)));

    private static readonly Gen<(string? Email, string? Password, string? ProviderName, bool Remember)> Requests =
        Gen.Select(Text, Text, ProviderName, Gen.Bool);

    /// <summary>Redirect paths that leave the app or run script; a provider must never answer them as its RedirectTo.</summary>
    public static readonly string[] RedirectPaths =
    [
        "//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(document.domain)", "\t//evil.example",
    ];

    /// <summary>Fixed hostile requests: nulls, blanks, huge and binary values, injections, the right email with near-miss passwords.</summary>
    public static IEnumerable<LoginRequest> Fixed(ConformanceAccount account)
    {
        string?[] values =
        [
            null, "", " ", "\0", "\r\n", new string('a', 100_000), "' OR '1'='1' --", "admin'--", "*", "%",
            "${jndi:ldap://127.0.0.1/a}", "<script>alert(1)</script>", "\ud800", "😀@😀.😀", "a@b\r\nSet-Cookie: x=1",
        ];
        foreach (var value in values)
        {
            yield return new LoginRequest { Email = value, Password = value };
            yield return new LoginRequest { Email = account.Email, Password = value };
        }

        // Not "the right password + \0": PBKDF2's HMAC zero-pads short keys, so every PBKDF2 backend (ASP.NET Core
        // Identity's hasher included) accepts it, and it is harmless (it needs the right password).
        yield return new LoginRequest { Email = account.Email, Password = account.Password + "\u200b" };
        yield return new LoginRequest { Email = account.Email, Password = account.Password[..^1] };
        yield return new LoginRequest { Email = account.Email, Password = " " + account.Password };
        yield return new LoginRequest { Email = "' OR 1=1 --", Password = account.Password };
        yield return new LoginRequest { Email = account.Email + "\0", Password = "x" };
        yield return new LoginRequest { ProviderName = "\0" };
        yield return new LoginRequest { ProviderName = new string('p', 10_000) };
        yield return new LoginRequest { ProviderName = "../../admin" };
        yield return new LoginRequest
        {
            Email = account.Email,
            Password = "x",
            Extra = new Dictionary<string, object?> { ["code"] = null, ["twoFactorCode"] = new string('9', 5000), ["recoveryCode"] = 42 },
        };
    }

    /// <summary>Runs <paramref name="attempt"/> on <paramref name="count"/> generated requests, one at a time (shrinking a failure to a small one).</summary>
    public static Task SampleAsync(Func<LoginRequest, Task> attempt, int count) =>
        Requests.SampleAsync(
            async r => await attempt(new LoginRequest { Email = r.Email, Password = r.Password, ProviderName = r.ProviderName, Remember = r.Remember }),
            iter: count,
            threads: 1);
}
