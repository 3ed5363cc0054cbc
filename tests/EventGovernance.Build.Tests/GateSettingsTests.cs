using EventGovernance.Compatibility;

namespace EventGovernance.Build.Tests;

public class GateSettingsTests
{
    [Theory]
    [InlineData(null, "true", UnavailableSeverity.Error)]
    [InlineData("", "TRUE", UnavailableSeverity.Error)]
    [InlineData(null, "1", UnavailableSeverity.Error)]
    [InlineData(null, null, UnavailableSeverity.Warning)]
    [InlineData("  ", "false", UnavailableSeverity.Warning)]
    [InlineData("Warning", "true", UnavailableSeverity.Warning)]
    [InlineData("error", null, UnavailableSeverity.Error)]
    [InlineData(" ERROR ", "false", UnavailableSeverity.Error)]
    public void Unavailable_registry_severity_follows_the_property_then_CI(string? setting, string? ci, UnavailableSeverity expected) =>
        Assert.Equal(expected, GateSettings.SelectUnavailableSeverity(setting, ci));

    [Theory]
    [InlineData("Fatal")]
    [InlineData("warn")]
    public void Unknown_unavailable_setting_is_rejected(string setting) =>
        Assert.Null(GateSettings.SelectUnavailableSeverity(setting, "true"));

    [Fact]
    public void Compatibility_level_parses_registry_spelling_and_flags_unknown_values()
    {
        Assert.Equal(CompatibilityLevel.FullTransitive, GateSettings.ParseLevel("full_transitive", out bool valid));
        Assert.True(valid);
        Assert.Null(GateSettings.ParseLevel("", out valid));
        Assert.True(valid);
        Assert.Null(GateSettings.ParseLevel("SIDEWAYS", out valid));
        Assert.False(valid);
    }

    [Theory]
    [InlineData("https://registry.example:8081", true)]
    [InlineData("HTTP://registry", true)]
    [InlineData("/repo/contracts/registry", false)]
    [InlineData(@"C:\repo\contracts\registry", false)]
    [InlineData("contracts/registry", false)]
    public void Http_urls_are_remote_registries_and_anything_else_a_directory(string registry, bool remote) =>
        Assert.Equal(remote, GateSettings.IsRemote(registry));
}

public class RemoteSettingsTests
{
    [Fact]
    public void Empty_values_keep_the_defaults()
    {
        Assert.True(GateSettings.TryParseRemoteSettings(null, " ", "", out RemoteSettings settings, out string? problem), problem);
        Assert.Null(settings.Timeout);
        Assert.Null(settings.Retries);
        Assert.Equal(JsonCompatibilityPolicy.Strict, settings.Policy);
    }

    [Fact]
    public void Values_parse_like_the_cli_options()
    {
        Assert.True(GateSettings.TryParseRemoteSettings("2.5", "0", "Lenient", out RemoteSettings settings, out _));
        Assert.Equal(TimeSpan.FromSeconds(2.5), settings.Timeout);
        Assert.Equal(0, settings.Retries);
        Assert.Equal(JsonCompatibilityPolicy.Lenient, settings.Policy);
    }

    [Fact]
    public void A_huge_bad_value_is_cut_in_the_message()
    {
        string value = new string('9', 100_000) + "x";
        Assert.False(GateSettings.TryParseRemoteSettings(value, null, null, out _, out string? problem));
        Assert.True(problem!.Length < 400, problem.Length.ToString());
        Assert.StartsWith("EventGovernanceRegistryTimeout is '999", problem);
    }
}
