using System.Text;
using CcapBot.Cards;

namespace CcapBot.Features.Tracking;

/// <summary>
/// For <see cref="CardSkeletons"/>: each tracking card's data with every text replaced by a marker, in a fixed
/// order, and its shape: what its template decides on (an empty text, the length of a list). A new text field on a
/// card data record must be marked here (the skeleton test fails otherwise).
/// </summary>
internal static class TrackingCardMarks
{
    public static (NoticeCardData, string) Notice(NoticeCardData data, Func<string, string> mark)
    {
        var shape = new StringBuilder();
        shape.Append(Empty(data.Text)).Append(Empty(data.Outcome)).Append(Empty(data.Note)).Append('|').Append(data.Facts.Count).Append('|').Append(data.Links.Count);
        Shape(shape, data.Actions);
        foreach (var item in data.Items) Shape(shape.Append('|').Append(Empty(item.Detail)), item.Buttons);
        var marked = data with
        {
            Title = mark(data.Title),
            Text = Optional(data.Text, mark),
            Color = mark(data.Color),
            Facts = [.. data.Facts.Select(f => new CardFact(mark(f.Title), mark(f.Value)))],
            Items = [.. data.Items.Select(i => new NoticeItem(mark(i.Title), Optional(i.Detail, mark), [.. i.Buttons.Select(b => Button(b, mark))]))],
            Outcome = Optional(data.Outcome, mark),
            OutcomeColor = mark(data.OutcomeColor),
            Note = Optional(data.Note, mark),
            Links = [.. data.Links.Select(l => new CardLink(mark(l.Title), mark(l.Url)))],
            Actions = [.. data.Actions.Select(a => Button(a, mark))],
        };
        return (marked, shape.ToString());
    }

    public static (CheckInCardData, string) CheckIn(CheckInCardData data, Func<string, string> mark)
    {
        var marked = data with
        {
            Title = mark(data.Title),
            Intro = mark(data.Intro),
            Error = Optional(data.Error, mark),
            Activities = [.. data.Activities.Select(a => new CheckInActivity(mark(a.Heading), mark(a.Detail), mark(a.StatusId), mark(a.NoteId), mark(a.Status)))],
            Choices = [.. data.Choices.Select(c => new CheckInChoice(mark(c.Title), mark(c.Value)))],
            StatusLabel = mark(data.StatusLabel),
            NoteLabel = mark(data.NoteLabel),
            NotePlaceholder = mark(data.NotePlaceholder),
            SubmitLabel = mark(data.SubmitLabel),
            Arg = mark(data.Arg),
            Snoozes = [.. data.Snoozes.Select(a => Button(a, mark))],
        };
        return (marked, $"{Empty(data.Error)}|{data.Activities.Count}|{data.Choices.Count}|{data.Snoozes.Count}");
    }

    public static (OverviewCardData, string) Overview(OverviewCardData data, Func<string, string> mark)
    {
        var shape = new StringBuilder();
        shape.Append(Empty(data.Text)).Append(Empty(data.Footer)).Append('|').Append(data.Actions.Count);
        foreach (var section in data.Sections) shape.Append('|').Append(Empty(section.Detail)).Append(section.Facts.Count);
        var marked = data with
        {
            Title = mark(data.Title),
            Text = Optional(data.Text, mark),
            Sections = [.. data.Sections.Select(s => new OverviewSection(mark(s.Heading), Optional(s.Detail, mark), [.. s.Facts.Select(f => new CardFact(mark(f.Title), mark(f.Value)))]))],
            Footer = Optional(data.Footer, mark),
            Actions = [.. data.Actions.Select(a => Button(a, mark))],
        };
        return (marked, shape.ToString());
    }

    /// <summary>A button's texts are marked; the ids it acts on are numbers, not texts, so they are part of the shape.</summary>
    private static CardButton Button(CardButton button, Func<string, string> mark) =>
        button with { Title = mark(button.Title), Verb = mark(button.Verb), Arg = button.Arg is null ? null : mark(button.Arg) };

    private static void Shape(StringBuilder shape, IReadOnlyList<CardButton> buttons)
    {
        shape.Append('|').Append(buttons.Count);
        foreach (var b in buttons) shape.Append(b.Arg is null ? 'n' : 'a').Append(b.Partnership).Append('/').Append(b.Application);
    }

    /// <summary>Templates show some texts only when not empty: an empty one stays empty (and is part of the shape).</summary>
    private static string Optional(string text, Func<string, string> mark) => text.Length == 0 ? "" : mark(text);

    private static char Empty(string text) => text.Length == 0 ? '0' : '1';
}
