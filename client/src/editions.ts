// The specification editions (categories, DR classes, the clause tree) as the server describes them, fetched once.
import { EditionInfo, REQUESTS } from "./protocol";

/** What the extension needs of the language client: sending custom requests. */
export interface ServerRequests {
  sendRequest<R>(method: string, params?: unknown): Promise<R>;
}

export class Editions {
  private loading: Promise<EditionInfo[]> | undefined;

  constructor(private readonly server: ServerRequests) {}

  all(): Promise<EditionInfo[]> {
    this.loading ??= this.server.sendRequest<EditionInfo[]>(REQUESTS.editions).catch((error: unknown) => {
      this.loading = undefined; // try again next time
      throw error;
    });
    return this.loading;
  }

  /** The edition with this id, else the first (the server's default edition). */
  async byId(editionId: string | undefined): Promise<EditionInfo | undefined> {
    const editions = await this.all();
    return editions.find((edition) => edition.id === editionId) ?? editions[0];
  }

  async bySlug(slug: string | undefined): Promise<EditionInfo | undefined> {
    const editions = await this.all();
    return editions.find((edition) => edition.slug === slug) ?? editions[0];
  }
}
