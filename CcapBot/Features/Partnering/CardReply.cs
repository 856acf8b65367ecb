using System.Text.Json;
using CcapBot.Conversations;
using CcapBot.Protocol.Schema;

namespace CcapBot.Features.Partnering;

/// <summary>How a partnering handler answers the person who pressed a button or typed a command.</summary>
public static class CardReply
{
    /// <summary>
    /// Replaces the card whose button started the turn: in Teams (Action.Execute) the invoke response carries it;
    /// a web chat submit names its card in replyToId, which is updated in place. A typed command gets it as a new message.
    /// </summary>
    public static void Replace(TurnContext turn, JsonElement card)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.Type == ActivityTypes.Invoke) turn.InvokeResponse = CardInvoke.Card(card);
        else if (turn.Verb is not null && turn.Activity.ReplyToId is { Length: > 0 } cardId) turn.Update(cardId, new Activity { Attachments = [Attachment.AdaptiveCard(card)] });
        else turn.SendCard(card);
    }

    /// <summary>A new card below the one pressed (which stays as it is), or the answer to a typed command.</summary>
    public static void Send(TurnContext turn, JsonElement card, string acknowledgement)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.SendCard(card);
        if (turn.Activity.Type == ActivityTypes.Invoke) turn.InvokeResponse ??= CardInvoke.Message(acknowledgement);
    }

    /// <summary>A refusal or a short answer, leaving the card as it is (Teams shows it under the card).</summary>
    public static void Say(TurnContext turn, string message)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.Type == ActivityTypes.Invoke) turn.InvokeResponse = CardInvoke.Message(message);
        else turn.SendText(message);
    }
}
