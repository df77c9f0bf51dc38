/**
 * A Word table with a title and a description (w:tblCaption, w:tblDescription), which screen
 * readers announce and Word's accessibility checker reads as the table's alt text. The docx
 * library has no option for them, so they are added to the table's properties, where the
 * schema puts them last (CT_TblPr).
 */
import { BuilderElement, Table, XmlComponent } from 'docx';
import type { ITableOptions } from 'docx';

/** A table's title and description, as the table's alt text. */
export interface TableAltText {
  /** Short title, e.g. "Risk register of Legal Services". */
  readonly title: string;
  /** What the table holds, in a sentence. */
  readonly description: string;
}

const valueElement = (name: string, value: string): XmlComponent => new BuilderElement<{ val: string }>({ name, attributes: { val: { key: 'w:val', value } } });

/** A docx Table carrying its alt text. */
export class AccessibleTable extends Table {
  public constructor(options: ITableOptions, alt: TableAltText) {
    super(options);
    // The table's first child is its w:tblPr (see the docx Table constructor).
    const properties = this.root[0] as XmlComponent;
    properties.addChildElement(valueElement('w:tblCaption', alt.title));
    properties.addChildElement(valueElement('w:tblDescription', alt.description));
  }
}
