namespace CoCommissioning.Web.Features.Meetings;

/// <summary>
/// What the caller says about an upload: <see cref="Size"/> is the length the browser or the multipart part declared,
/// checked before any byte is read; the bytes actually read are checked again.
/// </summary>
public sealed record PaperUpload(string? Title, string? FileName, bool IsPublic, long Size);

/// <summary>A paper's file for download: the name it was uploaded with, the type its extension allows, its bytes.</summary>
public sealed record PaperFile(string FileName, string ContentType, byte[] Bytes);
