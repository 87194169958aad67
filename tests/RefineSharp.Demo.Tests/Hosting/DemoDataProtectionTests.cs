using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RefineSharp.Demo.Hosting;

namespace RefineSharp.Demo.Tests.Hosting;

public sealed class DemoDataProtectionTests
{
    private const string Purpose = "RefineSharp.Demo.Tests.Hardening";

    private static HostedDemo Start(string db, string keys)
    {
        var demo = new HostedDemo("Production", new Dictionary<string, string> { ["Demo:Database"] = db, ["Demo:DataProtectionKeys"] = keys });
        demo.Start().Dispose();
        return demo;
    }

    private static IDataProtector Protector(HostedDemo demo) =>
        demo.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    [Fact]
    public async Task AddDemoDataProtection_TwoStartsSameKeyFolder_ReadEachOthersPayloads()
    {
        var db = HostedDemo.TempPath("dp") + ".db";
        var keys = HostedDemo.TempPath("keys");
        var otherKeys = HostedDemo.TempPath("other-keys");
        try
        {
            string fromFirst;
            await using (var first = Start(db, keys))
            {
                fromFirst = Protector(first).Protect("written by the first start");
                Assert.Equal(DemoDataProtection.ApplicationName, first.Services.GetRequiredService<IOptions<DataProtectionOptions>>().Value.ApplicationDiscriminator);
            }

            // The key ring is in the configured folder, and nowhere the next start could not find it.
            Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));

            string fromSecond;
            await using (var second = Start(db, keys))
            {
                Assert.Equal("written by the first start", Protector(second).Unprotect(fromFirst));
                fromSecond = Protector(second).Protect("written by the second start");
            }

            await using (var third = Start(db, keys))
            {
                Assert.Equal("written by the second start", Protector(third).Unprotect(fromSecond));
            }

            // The folder is what makes it work: a start with another key folder cannot read the payload.
            await using var stranger = Start(db, otherKeys);
            Assert.ThrowsAny<CryptographicException>(() => Protector(stranger).Unprotect(fromFirst));
        }
        finally
        {
            HostedDemo.Delete(db, keys, otherKeys);
        }
    }

    [Fact]
    public async Task AddDemoDataProtection_ExistingOpenFolder_IsMadeOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            // Unix modes only; Windows keeps the keys under DPAPI instead.
            return;
        }

        var db = HostedDemo.TempPath("dp-mode") + ".db";
        var keys = HostedDemo.TempPath("keys");
        try
        {
            Directory.CreateDirectory(keys);
            File.SetUnixFileMode(keys, (UnixFileMode)0b111_111_111);

            await using var demo = Start(db, keys);
            Protector(demo).Protect("forces a key");

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
            Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
        }
        finally
        {
            HostedDemo.Delete(db, keys);
        }
    }

    [Fact]
    public void KeysFolder_NotConfigured_IsAppDataKeysUnderTheContentRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "content-root");
        var environment = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = root };
        var none = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var relative = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [DemoDataProtection.KeysFolderKey] = "state/keys" }).Build();

        Assert.Equal(Path.Combine(root, "App_Data", "keys"), DemoDataProtection.KeysFolder(none, environment));
        Assert.Equal(Path.Combine(root, "state", "keys"), DemoDataProtection.KeysFolder(relative, environment));
    }
}
