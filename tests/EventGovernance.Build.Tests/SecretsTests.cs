using EventGovernance.Registry;

namespace EventGovernance.Build.Tests;

/// <summary>The one masking the build, eventgov and the registry share.</summary>
public class SecretsTests
{
    [Fact]
    public void Masks_user_info_password_and_token_wherever_they_appear()
    {
        var secrets = new Secrets("alice:pa55word!", "tok-123456", null, "");
        string text = secrets.Scrub("401 for alice:pa55word! then pa55word! and Bearer tok-123456");
        Assert.DoesNotContain("pa55word!", text);
        Assert.DoesNotContain("tok-123456", text);
        Assert.Contains("401 for", text);
    }

    [Fact]
    public void Masks_the_base64_a_basic_authorization_header_carries()
    {
        string header = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("alice:pa55word!"));
        string text = new Secrets("alice:pa55word!").Scrub("500: cannot serve the request with Authorization: " + header);
        Assert.Equal("500: cannot serve the request with Authorization: Basic ***", text);
    }

    [Fact]
    public void Masks_credentials_embedded_in_a_url_even_when_not_configured()
    {
        string text = new Secrets().Scrub("cannot reach https://bob:hunter2@registry.example:8081/subjects (timeout)");
        Assert.Equal("cannot reach https://registry.example:8081/subjects (timeout)", text);
    }

    [Fact]
    public void Leaves_text_without_credentials_alone()
    {
        const string text = "cannot reach https://registry.example:8081/subjects: connection refused";
        Assert.Equal(text, new Secrets("alice:secretpw").Scrub(text));
    }
}
