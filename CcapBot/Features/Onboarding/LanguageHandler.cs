using System.Text.Json;
using CcapBot.Cards;
using CcapBot.Conversations;
using CcapBot.Localization;

namespace CcapBot.Features.Onboarding;

/// <summary>
/// "language.set" from the welcome card: the choice is stored on the user and beats the client's locale
/// from then on; the welcome card is shown again in the chosen language.
/// </summary>
public sealed class LanguageHandler(CardBinder cards, Localizer text) : IActivityHandler
{
    public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var requested = turn.SubmitData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("language", out var l) && l.ValueKind == JsonValueKind.String
            ? Languages.Normalize(l.GetString())
            : null;
        turn.Member.Language = requested ?? turn.Language;
        var card = WelcomeHandler.Card(turn, cards, text);
        if (turn.Activity.Type == Protocol.Schema.ActivityTypes.Invoke) turn.InvokeResponse = CardInvoke.Card(card);
        else turn.SendCard(card);
        return Task.CompletedTask;
    }
}
