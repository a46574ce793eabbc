// The parts of Confluence's v2/v1 objects that Tether reads (the full shapes are in Atlassian's OpenAPI).
export interface Space {
  id: string;
  key: string;
  name: string;
  type?: string;
  status?: string;
  homepageId?: string;
  description?: { plain?: { value?: string } };
  _links?: { webui?: string };
}

export interface Version {
  number: number;
  message?: string;
  minorEdit?: boolean;
  authorId?: string;
  createdAt?: string;
}

export interface Page {
  id: string;
  status: string;
  title: string;
  spaceId: string;
  parentId?: string | null;
  parentType?: string | null;
  position?: number | null;
  authorId?: string;
  createdAt?: string;
  version?: Version;
  body?: { storage?: { value: string }; atlas_doc_format?: { value: string }; view?: { value: string }; export_view?: { value: string }; styled_view?: { value: string }; editor?: { value: string } };
  labels?: { results?: Label[] };
  _links?: { webui?: string; base?: string; tinyui?: string };
}

export interface Folder {
  id: string;
  type?: string;
  status?: string;
  title: string;
  spaceId?: string;
  parentId?: string | null;
  parentType?: string | null;
  authorId?: string;
  createdAt?: string;
  version?: Version;
  _links?: { webui?: string };
}

export interface ChildItem {
  id: string;
  status?: string;
  title: string;
  type: string;
  spaceId?: string;
  childPosition?: number;
}

export interface Label {
  id: string;
  name: string;
  prefix: string;
}

export interface Comment {
  id: string;
  status?: string;
  title?: string;
  pageId?: string;
  parentCommentId?: string;
  version?: Version;
  body?: { storage?: { value: string } };
  resolutionStatus?: string;
  properties?: { inlineOriginalSelection?: string; inlineMarkerRef?: string };
  _links?: { webui?: string };
}

export interface Attachment {
  id: string;
  status?: string;
  title: string;
  mediaType?: string;
  fileSize?: number;
  comment?: string;
  pageId?: string;
  downloadLink?: string;
  version?: Version;
  _links?: { download?: string; webui?: string };
}

export interface Paged<T> {
  results: T[];
  _links?: { next?: string; base?: string };
}
