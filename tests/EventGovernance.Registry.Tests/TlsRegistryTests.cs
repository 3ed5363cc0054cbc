using System;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using EventGovernance.Registry;
using EventGovernance.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventGovernance.Registry.Tests
{
    /// <summary>An https registry with a certificate from a private CA: trusted through SslCaLocation, refused without it.</summary>
    public sealed class TlsRegistryTests : IAsyncLifetime
    {
        private readonly TempDirectory _dir = new TempDirectory();
        private WebApplication? _app;
        private string _url = "";
        private string _caFile = "";

        public async Task InitializeAsync()
        {
            using X509Certificate2 certificate = SelfSigned();
            _caFile = _dir.Write("ca.pem", certificate.ExportCertificatePem());
            // Kestrel needs the key in a loadable form: round-trip through PKCS#12.
            X509Certificate2 serving = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);

            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(serving)));
            _app = builder.Build();
            _app.MapGet("/subjects", () => Results.Text("[\"over-tls\"]", "application/vnd.schemaregistry.v1+json"));
            await _app.StartAsync();
            string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            _url = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        }

        public async Task DisposeAsync()
        {
            if (_app != null) await _app.DisposeAsync();
            _dir.Dispose();
        }

        [Fact]
        public async Task An_https_registry_is_reached_when_its_ca_is_trusted()
        {
            RegistryOptions options = ConfluentRegistryTests.Fast(_url);
            options.SslCaLocation = _caFile;
            using var registry = new ConfluentRegistry(options);

            Assert.StartsWith("https://127.0.0.1:", registry.DisplayName);
            Assert.Equal(new[] { "over-tls" }, await registry.GetSubjectsAsync());
        }

        [Fact]
        public async Task An_untrusted_certificate_is_a_clear_error()
        {
            RegistryOptions options = ConfluentRegistryTests.Fast(_url);
            options.MaxRetries = 0;
            using var registry = new ConfluentRegistry(options);

            var e = await Assert.ThrowsAsync<RegistryUnavailableException>(() => registry.GetSubjectsAsync());
            Assert.Contains("cannot reach the registry " + _url, e.Message);
        }

        [Fact]
        public void A_missing_ca_file_is_a_clear_error()
        {
            RegistryOptions options = ConfluentRegistryTests.Fast(_url);
            options.SslCaLocation = _dir.Combine("missing.pem");
            var e = Assert.Throws<RegistryUnavailableException>(() => new ConfluentRegistry(options));
            Assert.Contains("missing.pem", e.Message);
        }

        private static X509Certificate2 SelfSigned()
        {
            using RSA key = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        }
    }
}
