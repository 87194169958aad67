using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RefineSharp.AspNetCore.Tests.Fixtures;

/// <summary>
/// A self-signed certificate for 127.0.0.1 (and app.example, for requests whose Host header is not a loopback name),
/// made once per test class, and the client-side check that trusts exactly that certificate and nothing else.
/// </summary>
public sealed class LoopbackTls : IDisposable
{
    public LoopbackTls()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("app.example");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = TimeProvider.System.GetUtcNow();
        using var made = request.CreateSelfSigned(now.AddMinutes(-5), now.AddHours(2));

        // Re-imported from PKCS#12 so that the private key is usable by SslStream on Linux.
        Certificate = X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), password: null);
    }

    /// <summary>The server's certificate.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>A client handler that accepts this certificate only.</summary>
    public HttpClientHandler Handler(bool useCookies = true, CookieContainer? jar = null) => new()
    {
        UseCookies = useCookies,
        CookieContainer = jar ?? new CookieContainer(),
        AllowAutoRedirect = false,
        ServerCertificateCustomValidationCallback = IsOurs,
    };

    public void Dispose() => Certificate.Dispose();

    private bool IsOurs(HttpRequestMessage request, X509Certificate2? presented, X509Chain? chain, SslPolicyErrors errors) =>
        presented is not null && presented.RawData.AsSpan().SequenceEqual(Certificate.RawData);
}
