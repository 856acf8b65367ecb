namespace CcapBot.Features.ActionLists;

/// <summary>Verbs of cards/action-list-start.json, action-list-editor.json and action-list.json.</summary>
public static class ActionListVerbs
{
    /// <summary>Open a partnership's action list (the list, or the start of one): data <c>partnership</c>.</summary>
    public const string Open = "actionlist.open";
    /// <summary>Start the editor from a template (input <c>template</c>) or from scratch (data <c>scratch</c>): data <c>partnership</c>.</summary>
    public const string Start = "actionlist.start";
    /// <summary>The editor with one more activity row: data <c>partnership</c>, <c>basedOn</c>, <c>rows</c>; the rows' inputs.</summary>
    public const string AddRow = "actionlist.addrow";
    /// <summary>Propose the edited list: as <see cref="AddRow"/>.</summary>
    public const string Propose = "actionlist.propose";
    /// <summary>Agree to a proposal for one's city: data <c>partnership</c>, <c>version</c>.</summary>
    public const string Agree = "actionlist.agree";
    /// <summary>Open the editor on a version to propose changes: data <c>partnership</c>, <c>version</c>.</summary>
    public const string Change = "actionlist.change";
    /// <summary>Teams asks for the reader's current card (card refresh): data <c>partnership</c>, <c>version</c>.</summary>
    public const string Refresh = "actionlist.refresh";

    public static IReadOnlyList<string> All { get; } = [Open, Start, AddRow, Propose, Agree, Change, Refresh];
}
