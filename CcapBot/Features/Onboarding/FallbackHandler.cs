using CcapBot.Conversations;
using CcapBot.Localization;

namespace CcapBot.Features.Onboarding;

/// <summary>Text the bot has no route for, and card verbs it does not know: say so, point to help.</summary>
public sealed class FallbackHandler(Localizer text) : IActivityHandler
{
    public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var message = text.Get(turn.Language, "Message.NotUnderstood");
        if (turn.Activity.Type == Protocol.Schema.ActivityTypes.Invoke) turn.InvokeResponse = CardInvoke.Message(message);
        else turn.SendText(message);
        return Task.CompletedTask;
    }
}
