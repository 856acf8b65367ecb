using CcapBot.Cards;
using CcapBot.Conversations;
using CcapBot.Localization;

namespace CcapBot.Features.Onboarding;

/// <summary>The welcome card, once per user per conversation, in the user's language with a switch to the other.</summary>
public sealed class WelcomeHandler(CardBinder cards, Localizer text) : IActivityHandler
{
    public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        turn.SendCard(Card(turn, cards, text));
        return Task.CompletedTask;
    }

    internal static System.Text.Json.JsonElement Card(TurnContext turn, CardBinder cards, Localizer text)
    {
        var lang = turn.Language;
        var data = new WelcomeCardData(
            text.Get(lang, "Welcome.Title"),
            text.Get(lang, "Welcome.Body"),
            text.Get(lang, "Welcome.Start"),
            text.Get(lang, "Welcome.Help"),
            text.Get(lang, "Welcome.Language"),
            lang == Languages.English ? Languages.Vietnamese : Languages.English);
        return cards.Bind("welcome", data, OnboardingJsonContext.Default.WelcomeCardData, turn.SupportsUniversalActions);
    }
}
