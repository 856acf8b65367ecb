using System.Text.RegularExpressions;
using CcapBot.Conversations.Dialogs;
using CcapBot.Conversations.Forms;
using CcapBot.Hosting;
using CcapBot.Localization;
using CcapBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CcapBot.Tests.Localization;

public sealed partial class LocalizationTests
{
    private readonly Localizer _text = new();

    [Fact]
    public void EnglishAndVietnamese_HaveTheSameKeys_AndTheSamePlaceholders()
    {
        var en = _text.Keys(Languages.English).ToHashSet();
        var vi = _text.Keys(Languages.Vietnamese).ToHashSet();
        Assert.Empty(en.Except(vi));
        Assert.Empty(vi.Except(en));
        foreach (var key in en)
        {
            var enPlaceholders = Placeholder().Matches(_text.Get(Languages.English, key)).Select(m => m.Value).Order();
            var viPlaceholders = Placeholder().Matches(_text.Get(Languages.Vietnamese, key)).Select(m => m.Value).Order();
            Assert.True(enPlaceholders.SequenceEqual(viPlaceholders), $"{key}: placeholders differ");
        }
    }

    [Fact]
    public async Task EveryRegisteredFormAndCommand_HasItsTextsInBothLanguages()
    {
        await using var bot = new CcapBotFactory();
        await using var scope = bot.CreateScope();
        var registry = scope.ServiceProvider.GetRequiredService<DialogRegistry>();
        var keys = registry.FormIds.SelectMany(id => FormText.Keys(((IForm)scope.ServiceProvider.GetRequiredService(registry.FormType(id))).Definition))
            .Concat(BuiltInCommands.All.Concat(registry.Commands.Select(c => c.Definition.Id)).SelectMany(CommandDefinition.Keys))
            .Concat(Enum.GetValues<FieldType>().Select(t => $"Field.Guide.{t}"));
        foreach (var language in Languages.All)
        {
            var missing = keys.Where(k => !_text.Keys(language).Contains(k)).ToList();
            Assert.True(missing.Count == 0, $"{language} lacks: {string.Join(", ", missing)}");
        }
        Assert.Contains(ProfileId, registry.FormIds);
    }

    private const string ProfileId = CcapBot.Features.Profile.ProfileForm.Id;

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
