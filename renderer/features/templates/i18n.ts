/** The `templates` namespace: new documents from the shipped skeletons. */
export const templatesZh = { title: '从模板新建' }

export const templatesEn: typeof templatesZh = { title: 'New from a template' }
