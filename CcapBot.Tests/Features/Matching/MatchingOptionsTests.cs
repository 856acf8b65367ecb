using CcapBot.Features.Matching;
using CcapBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CcapBot.Tests.Features.Matching;

public sealed class MatchingOptionsTests
{
    private static MatchingOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<MatchingOptions>().BindConfiguration(MatchingOptions.SectionName).ValidateDataAnnotations();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<MatchingOptions>>().Value;
    }

    [Fact]
    public void Defaults_AddUpTo100()
    {
        var options = Bind([]);

        Assert.Equal(100, Enum.GetValues<MatchFactor>().Sum(options.Weight));
    }

    [Fact]
    public void Weights_MovedBetweenFactors_AreBound()
    {
        var options = Bind(new() { ["Matching:Language"] = "5", ["Matching:TimeDifference"] = "20" });

        Assert.Equal((5, 20), (options.Language, options.TimeDifference));
    }

    [Theory]
    [InlineData("Matching:Language", "40", "add up to 100; they add up to 125")]
    [InlineData("Matching:Continuity", "-5", "Continuity")]
    [InlineData("Matching:DefaultAskHoursPerMonth", "0", "DefaultAskHoursPerMonth")]
    public void BadWeights_AreRefused_NamingTheProblem(string key, string value, string expected)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Bind(new() { [key] = value }));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApp_RefusesToStart_WithWeightsNotAddingUpTo100()
    {
        await using var bot = new CcapBotFactory().With("Matching:Transferability", "30");

        var refused = Assert.Throws<OptionsValidationException>(() => bot.Services);

        Assert.Contains("add up to 100", refused.Message, StringComparison.Ordinal);
    }
}
