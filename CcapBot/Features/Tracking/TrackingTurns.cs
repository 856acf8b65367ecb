using System.Globalization;
using System.Text.Json;
using CcapBot.Conversations;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Protocol.Schema;

namespace CcapBot.Features.Tracking;

/// <summary>Small pieces every tracking handler needs: who acts on a partnership, and where an answer to a card goes.</summary>
public static class TrackingTurns
{
    /// <summary>
    /// The actor as the partnership sees them: their city's representative when their city belongs to it, a
    /// coordinator otherwise (if they are one), else a representative the domain will refuse.
    /// </summary>
    public static PartnershipActor For(Actor actor, Partnership partnership)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(partnership);
        if (actor.Representative is { } rep && actor.CityId is { } city && partnership.Includes(city)) return PartnershipActor.ForRepresentative(rep, actor.UserId);
        if (actor.IsCoordinator) return PartnershipActor.Coordinator(actor.UserId);
        return actor.Representative is { } other ? PartnershipActor.ForRepresentative(other, actor.UserId) : new PartnershipActor(actor.UserId, IsCoordinator: false);
    }

    /// <summary>May this person see and change this partnership's activities?</summary>
    public static bool MayAct(Actor actor, Partnership partnership) =>
        actor.IsCoordinator || actor.CityId is { } city && partnership.Includes(city);

    /// <summary>
    /// Replaces the card whose button started this turn: Teams (Action.Execute) gets it in the invoke response; a
    /// web chat submit names its card in replyToId, updated in place. Otherwise the card is sent.
    /// </summary>
    public static void Replace(TurnContext turn, JsonElement card)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.Type == ActivityTypes.Invoke) turn.InvokeResponse = CardInvoke.Card(card);
        else if (turn.Activity.ReplyToId is { Length: > 0 } cardId) turn.Update(cardId, new Activity { Attachments = [Attachment.AdaptiveCard(card)] });
        else turn.SendCard(card);
    }

    /// <summary>A short answer that leaves the card as it is (Teams shows it as a toast; elsewhere it is a message).</summary>
    public static void Say(TurnContext turn, string text)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.Type == ActivityTypes.Invoke) turn.InvokeResponse = CardInvoke.Message(text);
        else turn.SendText(text);
    }

    /// <summary>The "arg" a tracking card button carries.</summary>
    public static string? Arg(TurnContext turn) =>
        turn?.SubmitData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("arg", out var arg) && arg.ValueKind == JsonValueKind.String ? arg.GetString() : null;

    public static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
