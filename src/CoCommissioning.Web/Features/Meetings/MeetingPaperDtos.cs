namespace CoCommissioning.Web.Features.Meetings;

/// <summary>
/// What the caller says about an upload: <see cref="Size"/> is the length the browser or the multipart part declared,
/// checked before any byte is read; the bytes actually read are checked again.
/// </summary>
public sealed record PaperUpload(string? Title, string? FileName, bool IsPublic, long Size);

/// <summary>A paper's file for download: the name it was uploaded with, the type its extension allows, its bytes.</summary>
public sealed record PaperFile(string FileName, string ContentType, byte[] Bytes);

/// <summary>A new version of a paper: what the caller says about the file, the meeting's version, and after publication the reason.</summary>
public sealed record PaperReplacement(string? Title, string? FileName, long Size, Guid Version, string? Reason);

/// <summary>Moves a paper to another item; <see cref="Version"/> is the meeting's.</summary>
public sealed record MovePaperRequest(Guid ItemId, Guid Version, string? Reason = null);

/// <summary>Makes a paper public or private; <see cref="Version"/> is the meeting's.</summary>
public sealed record PaperVisibilityRequest(bool IsPublic, Guid Version, string? Reason = null);

/// <summary>Removes a paper (before publication) or marks it removed with <see cref="Reason"/> (after).</summary>
public sealed record RemovePaperRequest(Guid Version, string? Reason = null);
